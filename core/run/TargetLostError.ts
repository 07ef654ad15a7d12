import { TargetError } from '../errors/TargetError.ts';

/** The target stopped answering during the run; the run is finalized as incomplete. */
export class TargetLostError extends TargetError {
  override name = 'TargetLostError' as const;
}
