import { isIPv6 } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** An IPv6 address's eight groups, `::` expanded; an embedded IPv4 tail counts as two groups. */
function ipv6Groups(address: string): string[] {
  const split = (part: string) => (part === '' ? [] : part.split(':')).flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const [head = '', tail] = address.split('::');
  const left = split(head);
  if (tail === undefined) return left;
  const right = split(tail);
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
}

/**
 * What attempts from one client are counted against: an IPv4 address as it is,
 * an IPv6 address by its /64. A subscriber is usually given a whole /64, so
 * counting single IPv6 addresses would let one client rotate through 2^64 of them.
 */
export function sourceNetwork(ip: string): string {
  const address = ip.split('%')[0] ?? ip; // a zone id (fe80::1%eth0) names a local interface, not a client
  if (!isIPv6(address)) return ip;
  const mapped = IPV4_MAPPED.exec(address);
  if (mapped?.[1]) return mapped[1];
  const prefix = ipv6Groups(address)
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
