// The two puppets shouwang runs on: the real WeChat through a puppet service (gRPC), or the sandbox's
// simulated WeChat (the mock puppet, see sandbox.ts).

import type { Puppet } from 'wechaty-puppet';
import { PuppetService } from 'wechaty-puppet-service';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { createSandboxWorld, type SandboxWorld } from './sandbox.js';
import type { ChatTransport } from './types.js';
import { createWechatyTransport } from './wechaty-adapter.js';

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

/**
 * The chat the service speaks on: the puppet service when a token is configured, else the sandbox (the
 * caller's `world`, or a new one).
 */
export function createChatTransport(
  chat: Config['chat'],
  log: Logger,
  opts: { world?: SandboxWorld; ignoreBeforeLogin?: boolean } = {},
): { transport: ChatTransport; world: SandboxWorld | null } {
  const common = { log, loginTimeoutMs: chat.loginTimeoutMs, ignoreBeforeLogin: opts.ignoreBeforeLogin };
  if (chat.service) {
    const { puppet, describe } = createServicePuppet(chat.service);
    return {
      transport: createWechatyTransport({ puppet, kind: 'service', describe, ...common }),
      world: null,
    };
  }
  const world = opts.world ?? createSandboxWorld(chat.botName);
  const transport = createWechatyTransport({
    puppet: world.puppet,
    kind: 'mock',
    describe: 'the sandbox (simulated WeChat)',
    ...common,
  });
  return { transport, world };
}
