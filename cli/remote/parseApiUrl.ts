import { ConfigError } from '#core/errors/ConfigError.ts';

export interface ApiLocation {
  /** The API's base URL without a trailing slash: `https://abc123.execute-api.eu-west-1.amazonaws.com/v1`. */
  readonly baseUrl: string;
  /** The region requests are signed for (SigV4 scope). */
  readonly region: string;
}

/** `<api-id>.execute-api.<region>.amazonaws.com` (and the China partition's `.com.cn`). */
const executeApiHost = /^[a-z0-9]+\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * `--remote <api-url>` (the stack's `ApiUrl` output) and the region to sign for: the region in an
 * execute-api host name, else `--region`, else AWS_REGION / AWS_DEFAULT_REGION (a custom domain name
 * does not say). Plain http is refused except on loopback (a local emulation): the request body
 * names the target and must not cross a network in clear.
 */
export function parseApiUrl(
  raw: string,
  regionFlag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ApiLocation {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `--remote must be the API's URL, the ApiUrl output of the Chaineval stack, such as https://abc123.execute-api.eu-west-1.amazonaws.com/v1 (got "${raw.slice(0, 80)}")`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
    throw new ConfigError(
      `--remote must be an https:// URL (got "${url.protocol}//${url.host}"); the API is served over TLS only`,
    );
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ConfigError(
      '--remote takes the API base URL only, without user info, query or fragment: requests are signed with your AWS credentials',
    );
  }
  const region =
    executeApiHost.exec(url.hostname)?.[1] ?? regionFlag ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region === undefined || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new ConfigError(
      region === undefined
        ? `cannot tell the AWS region of ${url.host}; pass --region <region> (the stack's region, e.g. eu-west-1)`
        : `--region must be an AWS region such as eu-west-1 (got "${region.slice(0, 40)}")`,
    );
  }
  return { baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, region };
}
