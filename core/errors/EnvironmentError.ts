import { ChainevalError } from './ChainevalError.ts';

/** The local machine lacks something the embedded defaults need (Java, a free port, a binary). */
export class EnvironmentError extends ChainevalError {
  override name = 'EnvironmentError' as const;
}
