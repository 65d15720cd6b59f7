// The one node:crypto function Edgedesk uses (nodejs_compat; native in workerd), declared here rather than pulling
// @types/node's globals into the Worker's types.
declare module "node:crypto" {
  export interface ScryptOptions {
    N?: number;
    r?: number;
    p?: number;
    maxmem?: number;
  }
  export function scrypt(password: string | Uint8Array, salt: string | Uint8Array, keylen: number, options: ScryptOptions, callback: (err: Error | null, derivedKey: Uint8Array) => void): void;
}
