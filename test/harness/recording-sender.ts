import type { OutboundMessage, Sender, SendResult, Target } from '../../src/messaging/sender.js';

export interface SentMessage {
  readonly target: Target;
  readonly message: OutboundMessage;
  readonly at: Date;
}

export interface UpdatedMessage {
  readonly conversationId: string;
  readonly activityId: string;
  readonly message: OutboundMessage;
  readonly at: Date;
}

/** A Sender for unit tests: records messages; `next` scripts failures. */
export class RecordingSender implements Sender {
  readonly sent: SentMessage[] = [];
  readonly updated: UpdatedMessage[] = [];
  /** Results to return (in order) before answering ok again. */
  readonly next: SendResult[] = [];
  /** Runs after a message is recorded, e.g. to simulate a crash after the send. */
  afterSend: (() => void) | undefined;

  constructor(private readonly now: () => Date) {}

  async send(target: Target, message: OutboundMessage): Promise<SendResult> {
    const scripted = this.next.shift();
    if (scripted && !scripted.ok) return scripted;
    this.sent.push({ target, message, at: this.now() });
    this.afterSend?.();
    const conversationId =
      'conversationId' in target ? target.conversationId : `personal:${target.userAadObjectId}`;
    return { ok: true, conversationId, activityId: `activity-${this.sent.length}` };
  }

  async update(
    conversationId: string,
    activityId: string,
    message: OutboundMessage,
  ): Promise<SendResult> {
    const scripted = this.next.shift();
    if (scripted && !scripted.ok) return scripted;
    this.updated.push({ conversationId, activityId, message, at: this.now() });
    return { ok: true, conversationId, activityId };
  }

  texts(): string[] {
    return this.sent.map((s) =>
      'text' in s.message ? s.message.text : JSON.stringify(s.message.card),
    );
  }
}
