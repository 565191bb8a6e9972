import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../core/import/import-failure';
import { readRefiQda } from './refi-qda';

const read = (fileName: string, bytes: Uint8Array) => readRefiQda({ fileName, bytes, limits: DEFAULT_IMPORT_LIMITS });

describe('readRefiQda', () => {
  it('reads a project of the 1.5 namespace: relative paths, lower-case sources/, the text of a PDF source, and says what is missing', async () => {
    const qde = `<?xml version="1.0"?>
<Project xmlns="urn:QDA-XML:project:1.5" name="p">
  <CodeBook><Codes><Code guid="c1" name="Code" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="s1" name="relative.txt" plainTextPath="sources/one.txt">
      <PlainTextSelection guid="x1" name="First" startPosition="0" endPosition="5"><Coding guid="k1"><CodeRef targetGUID="c1"/></Coding></PlainTextSelection>
    </TextSource>
    <PDFSource guid="s2" name="Scan.pdf" path="internal://s2.pdf">
      <Representation guid="r2" plainTextPath="internal://two.txt">
        <PlainTextSelection guid="x2" name="Second" startPosition="0" endPosition="6"><Coding guid="k2"><CodeRef targetGUID="c1"/></Coding></PlainTextSelection>
      </Representation>
    </PDFSource>
    <TextSource guid="s3" name="Gone" plainTextPath="internal://gone.txt"/>
    <AudioSource guid="s4" name="Call" path="internal://s4.mp3"/>
  </Sources>
  <Notes><Note guid="n1" name="Lost note" plainTextPath="internal://lost.txt"/></Notes>
</Project>`;
    const project = zipSync({ 'project.qde': strToU8(qde), 'sources/one.txt': strToU8('First text.'), 'sources/two.txt': strToU8('\ufeffSecond text.') });
    const { plan, files } = await read('p.qdpx', project);
    expect(files.map((f) => [f.fileName, f.title, f.extracted.parsed.text])).toEqual([
      ['relative.txt', 'relative', 'First text.'],
      ['Scan.pdf.txt', 'Scan', 'Second text.'],
    ]);
    expect(plan.sources.map((s) => s.highlights.map((h) => [h.start, h.end, h.codeGuids]))).toEqual([[[0, 5, ['c1']]], [[0, 6, ['c1']]]]);
    expect(plan.problems).toEqual([
      'The text of “Gone” is missing from the project (internal://gone.txt), so it and its codings were left out.',
      '1 source was left out, as Notebook reads only text: “Call” (audio).',
      'The text of the note “Lost note” is missing from the project, so it was left out.',
    ]);
  });

  it('refuses XML that is not a project or codebook, and a project with nothing Notebook can import', async () => {
    await expect(read('x.qdc', strToU8('<Other/>'))).rejects.toThrow('The file is not a REFI-QDA project or codebook: its XML starts with <Other> where <Project> or <CodeBook> was expected.');
    const pictures = '<Project name="p"><Sources><PictureSource guid="p1" name="Map" path="internal://p1.png"/></Sources></Project>';
    await expect(read('p.qdpx', zipSync({ 'project.qde': strToU8(pictures) }))).rejects.toThrow(
      '“p.qdpx” holds no codes, text sources or notes that Notebook can import. 1 source was left out, as Notebook reads only text: “Map” (picture).',
    );
  });
});
