// The two puppets shouwang runs on: the real WeChat through a puppet service (gRPC), or the sandbox's
// simulated WeChat (the mock puppet, see sandbox.ts).

import type { Puppet } from 'wechaty-puppet';
import { PuppetService } from 'wechaty-puppet-service';

export interface ServicePuppetOptions {
  token: string;
  endpoint: string | null;
  tlsDisabled: boolean;
}

export function createServicePuppet(opts: ServicePuppetOptions): { puppet: Puppet; describe: string } {
  const puppet = new PuppetService({
    token: opts.token,
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.tlsDisabled ? { tls: { disable: true } } : {}),
  });
  const describe = opts.endpoint
    ? `the puppet service at ${opts.endpoint}`
    : 'the puppet service found for the token (service discovery)';
  return { puppet: puppet as unknown as Puppet, describe };
}
