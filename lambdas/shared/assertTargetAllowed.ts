import { isIP } from 'node:net';
import { findPrivateRange } from './findPrivateRange.ts';
import { parseTargetAllowList } from './parseTargetAllowList.ts';
import { TargetNotAllowedError } from './TargetNotAllowedError.ts';

export interface AssertTargetAllowedParameters {
  readonly targetUrl: string;
  /** Every address the target's host resolves to (the host itself when it is an IP literal). */
  readonly resolvedAddresses: readonly string[];
  /** The stack's allow-list: host names, IP addresses and CIDR ranges, lower case. */
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
 * Refuses a target on a private, loopback, link-local or otherwise special address (findPrivateRange)
 * unless the stack allow-lists both its host and that address (DESIGN.md "Security posture": no SSRF
 * into the account). Every resolved address is checked, so a name with one public and one private
 * record is refused, and so is an allow-listed name that resolves to an address nobody listed (a
 * rebinding answer). Pure: DNS happens in the caller, which must then connect to exactly these
 * addresses (pinTargetConnections), never resolve the name again.
 */
export function assertTargetAllowed({
  targetUrl,
  resolvedAddresses,
  allowedHosts,
}: AssertTargetAllowedParameters): void {
  const host = targetHostOf(targetUrl);
  const allowList = parseTargetAllowList(allowedHosts);
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
    if (range === undefined) continue;
    const hostAllowed = allowList.allowsHost(host);
    if (hostAllowed && allowList.allowsAddress(address)) continue;
    const via = address === host ? '' : ` resolves to ${address}, which`;
    throw new TargetNotAllowedError(
      `target host "${host}"${via} is a ${range.label} address (${range.cidr})${hostAllowed ? ' not on the allow-list' : ''}`,
      {
        details: hostAllowed
          ? `"${host}" is allow-listed, but the addresses it may reach must be listed too. If ${address} is the intended target, add "${address}" (or its network, e.g. "${range.cidr}") to the stack's allowedTargetHosts (cdk.json context "chaineval:allowedTargetHosts") and redeploy.`
          : `Cloud runs refuse private, loopback and link-local targets. To test it anyway, add "${host}"${address === host ? '' : ` and "${address}"`} to the stack's allowedTargetHosts (cdk.json context "chaineval:allowedTargetHosts") and redeploy.`,
      },
    );
  }
}
