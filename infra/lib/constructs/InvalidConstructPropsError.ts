import { ChainevalError } from '#core/errors/ChainevalError.ts';

/**
 * A construct of infra/ received props it cannot build from. Thrown at construction, so `cdk synth`
 * stops with the message before anything is deployed (CDK DESIGN_GUIDELINES "Errors").
 */
export class InvalidConstructPropsError extends ChainevalError {
  override name = 'InvalidConstructPropsError' as const;
}
