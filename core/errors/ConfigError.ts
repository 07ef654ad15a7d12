import { ChainevalError } from './ChainevalError.ts';

/** Invalid flags, parameters or files supplied by the operator. */
export class ConfigError extends ChainevalError {
  override name = 'ConfigError' as const;
}
