import chardet from 'chardet';
import iconv from 'iconv-lite';
import { decodeText, type DecodedText } from '../../core/import/decode-text';

/** decodeText with chardet as the detector, Node's strict UTF-8 decoder, and iconv-lite for the rest. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  return decodeText(
    bytes,
    (sample) => chardet.detect(sample),
    (data, encoding, { fatal }) => {
      if (encoding === 'utf-8' && fatal) {
        try {
          return new TextDecoder('utf-8', { fatal: true }).decode(data);
        } catch {
          return undefined;
        }
      }
      return iconv.encodingExists(encoding) ? iconv.decode(Buffer.from(data.buffer, data.byteOffset, data.byteLength), encoding) : undefined;
    },
  );
}
