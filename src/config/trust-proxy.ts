import { isIP } from 'node:net';
import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Express's `trust proxy` setting: '' → false (no proxy is trusted: the connection's address is the
 * client's), '1'..'10' → that many hops, otherwise a comma-separated list of addresses, CIDR ranges or the names
 * loopback, linklocal, uniquelocal. `true` (trust every hop) is refused: any client could then pick its own address.
 * Returns undefined for a value that is none of these.
 */
export function trustProxySetting(value: string): false | number | string[] | undefined {
  const text = value.trim();
  if (text === '') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 0 && hops <= 10 ? hops : undefined;
  }
  const entries = text.split(',').map((e) => e.trim());
  return entries.every(validEntry) ? entries : undefined;
}

function validEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

@ValidatorConstraint({ name: 'trustProxy' })
export class TrustProxyValue implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && trustProxySetting(value) !== undefined;
  }

  defaultMessage(): string {
    return 'TRUST_PROXY phải để trống, là số proxy tin cậy (0–10), hoặc danh sách địa chỉ/dải địa chỉ, ví dụ 10.0.0.0/8,loopback';
  }
}
