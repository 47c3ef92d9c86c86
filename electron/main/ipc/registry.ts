// One registry for every invoke channel: it checks the sender, parses the input with the contract's zod
// schema, runs the handler, and always answers with a plain envelope. Electron binds dispatch() to
// ipcMain.handle; the preview host binds it to POST /ipc/<channel>.
import { z } from 'zod'
import type { AppErrorData } from '../../../shared/domain/errors'
import { invokeSchemas, type InvokeChannel, type InvokeInput, type InvokeResult } from '../../../shared/ipc/contract'
import { errEnvelope, okEnvelope, type Envelope } from '../../../shared/ipc/envelope'
import { isDomainError, validationError } from '../errors'
import type { Logger, SecretScrubber } from '../redact'

export interface CallContext {
  /** Opaque description of who called, for logs only. */
  sender: string
}

export type Handler<C extends InvokeChannel> = (input: InvokeInput<C>, ctx: CallContext) => Promise<InvokeResult<C>>
export type HandlerMap = { [C in InvokeChannel]: Handler<C> }

export interface RegistryOptions<S> {
  /** False for anything that is not the main frame of a window we created. */
  isTrustedSender(sender: S): boolean
  describeSender(sender: S): string
  scrubber: SecretScrubber
  log: Logger
}

export interface Registry<S> {
  channels: readonly InvokeChannel[]
  dispatch(channel: string, rawInput: unknown, sender: S): Promise<Envelope<unknown>>
}

export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.prototype.hasOwnProperty.call(invokeSchemas, channel)
}

export function createRegistry<S>(handlers: HandlerMap, opts: RegistryOptions<S>): Registry<S> {
  const run = async <C extends InvokeChannel>(channel: C, input: unknown, ctx: CallContext) => {
    const schema = invokeSchemas[channel] as unknown as z.ZodType<InvokeInput<C>>
    const parsed = schema.safeParse(input ?? {})
    if (!parsed.success) return errEnvelope(validationError(parsed.error))
    const value = await (handlers[channel] as Handler<C>)(parsed.data, ctx)
    return okEnvelope(value)
  }

  return {
    channels: Object.keys(handlers) as InvokeChannel[],
    async dispatch(channel, rawInput, sender) {
      if (!opts.isTrustedSender(sender)) {
        opts.log.warn('ipc: refused call from untrusted sender', { channel, sender: opts.describeSender(sender) })
        return errEnvelope({ code: 'UNTRUSTED_SENDER', message: 'This window is not allowed to call Nodetray.' })
      }
      if (!isInvokeChannel(channel)) {
        return errEnvelope({ code: 'NOT_AVAILABLE', message: `Unknown channel "${channel.slice(0, 60)}"` })
      }
      try {
        return await run(channel, rawInput, { sender: opts.describeSender(sender) })
      } catch (err) {
        return errEnvelope(toErrorData(err, channel, opts))
      }
    }
  }
}

/** Anything thrown becomes plain, scrubbed data: no stack, no axios config, no secrets. */
function toErrorData<S>(err: unknown, channel: string, opts: RegistryOptions<S>): AppErrorData {
  if (isDomainError(err)) {
    const data = { ...err.data, message: opts.scrubber.scrub(err.data.message) }
    if (data.hint) data.hint = opts.scrubber.scrub(data.hint)
    return data
  }
  const message = err instanceof Error ? err.message : String(err)
  opts.log.error('ipc: handler failed', { channel, error: message })
  return { code: 'INTERNAL', message: 'Something went wrong inside Nodetray. The details are in the log.' }
}
