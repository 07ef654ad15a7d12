import { apiBatchSemantics } from '#conformance/api/apiBatchSemantics.ts';
import { apiChainIdConsistent } from '#conformance/api/apiChainIdConsistent.ts';
import { apiInvalidParamsRejected } from '#conformance/api/apiInvalidParamsRejected.ts';
import { apiOversizedAndMalformedRequests } from '#conformance/api/apiOversizedAndMalformedRequests.ts';
import { apiRateLimitedAuthenticated } from '#conformance/api/apiRateLimitedAuthenticated.ts';
import { apiResponseShapes } from '#conformance/api/apiResponseShapes.ts';
import type { AnyCheck } from '#core/checks/defineCheck.ts';

/** The api checks added for the full profile (issue 7), in the order reports list them. */
export const apiChecks: readonly AnyCheck[] = [
  apiBatchSemantics,
  apiOversizedAndMalformedRequests,
  apiInvalidParamsRejected,
  apiResponseShapes,
  apiChainIdConsistent,
  apiRateLimitedAuthenticated,
];
