import type { ApiHandlers } from '../dispatch';
import type { ExchangeExports } from './exchange-exports';

type ExchangeMethod = 'export.bibliography' | 'export.refiQdaProject' | 'export.refiQdaCodebook';

/** Bibliographies and REFI-QDA exports, over the exports for other programs. */
export function createExchangeHandlers(exchange: ExchangeExports): Pick<ApiHandlers, ExchangeMethod> {
  return {
    'export.bibliography': (input) => exchange.bibliography(input),
    'export.refiQdaProject': () => exchange.refiQdaProject(),
    'export.refiQdaCodebook': () => exchange.refiQdaCodebook(),
  };
}
