import { isIP } from 'node:net';
import { findPrivateRange } from './findPrivateRange.ts';
import { TargetNotAllowedError } from './TargetNotAllowedError.ts';

export interface AssertTargetAllowedParameters {
  readonly targetUrl: string;
  /** Every address the target's host resolves to (the host itself when it is an IP literal). */
  readonly resolvedAddresses: readonly string[];
  /** Hosts (names or IP literals, lower case) exempt from the check: the stack's allow-list. */
  readonly allowedHosts: readonly string[];
}

/** The URL's host without IPv6 brackets, lower case. */
export function targetHostOf(targetUrl: string): string {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    throw new TargetNotAllowedError(
      `target URL "${targetUrl}" is not a valid URL; pass e.g. https://rpc.example.com`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TargetNotAllowedError(
      `target URL scheme "${url.protocol}" is not allowed; use http: or https:`,
    );
  }
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/**
 * Refuses a target on a private, loopback or link-local address unless its host is allow-listed
 * (DESIGN.md "Security posture": no SSRF into the account). Every resolved address must be public,
 * so a name with one public and one private record is refused too. Pure: DNS happens in the caller.
 */
export function assertTargetAllowed({
  targetUrl,
  resolvedAddresses,
  allowedHosts,
}: AssertTargetAllowedParameters): void {
  const host = targetHostOf(targetUrl);
  if (allowedHosts.includes(host)) return;
  if (resolvedAddresses.length === 0) {
    throw new TargetNotAllowedError(
      `target host "${host}" resolved to no address, so it cannot be checked; fix the DNS name`,
    );
  }
  for (const address of resolvedAddresses) {
    if (isIP(address) === 0) {
      throw new TargetNotAllowedError(
        `target host "${host}" resolved to "${address}", which is not an IP address`,
      );
    }
    const range = findPrivateRange(address);
    if (range) {
      const via = address === host ? '' : ` resolves to ${address}, which`;
      throw new TargetNotAllowedError(
        `target host "${host}"${via} is a ${range.label} address (${range.cidr})`,
        {
          details: `Cloud runs refuse private, loopback and link-local targets. To test it anyway, add "${host}" to the stack's allowedTargetHosts (cdk.json context "chaineval:allowedTargetHosts") and redeploy.`,
        },
      );
    }
  }
}
