import { strict as assert } from 'node:assert';
import type { HelpCardData } from '../src/app/core-commands.js';
import { renderCard, type Card } from '../src/cards/card.js';
import { adaptiveCardsIn, assertValidCard, renderedInputs } from './harness/cards.js';
import { TestBot, cardsOf } from './harness/test-bot.js';

const helpData: HelpCardData = {
  title: 'Honbu でできること',
  whoami: '区民部長 さん（部員 · 区民部）',
  howto: 'コマンドを送ってください。',
  commands: [
    { word: 'ヘルプ', summary: 'この一覧を表示します' },
    { word: '自分', summary: '登録内容を表示します' },
  ],
};

/** The message assertValidCard fails with (the test fails if it does not throw). */
function failureOf(card: unknown): string {
  try {
    assertValidCard(card, 'the test card');
  } catch (error) {
    assert.ok(error instanceof assert.AssertionError, 'fails as an assertion');
    return error.message;
  }
  assert.fail('the card was accepted');
}

const card15 = (body: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  ...extra,
});

describe('cards: every card is checked against Adaptive Cards 1.5 and the real renderer', () => {
  describe('valid cards pass', () => {
    it('accepts the help card rendered from cards/help.json, with and without commands', () => {
      assertValidCard(renderCard('help', helpData), 'help card');
      assertValidCard(renderCard('help', { ...helpData, commands: [] }), 'empty help card');
    });

    it('accepts a full-width Teams card (msteams) and rtl on a Container', () => {
      assertValidCard(
        card15([{ type: 'Container', rtl: false, items: [{ type: 'TextBlock', text: 'x' }] }], {
          msteams: { width: 'Full' },
        }),
      );
    });

    it('accepts the inputs and buttons features use', () => {
      assertValidCard(
        card15(
          [
            { type: 'Input.Text', id: 'comment', label: 'Comment', isMultiline: true },
            {
              type: 'Input.ChoiceSet',
              id: 'answer',
              label: 'Answer',
              isRequired: true,
              errorMessage: 'Choose one',
              style: 'expanded',
              choices: [
                { title: 'Yes', value: 'yes' },
                { title: 'No', value: 'no' },
              ],
            },
            { type: 'Input.Date', id: 'due', label: 'Due' },
          ],
          {
            actions: [
              { type: 'Action.Execute', verb: 'survey.submit', title: 'Send', data: { id: 's-1' } },
              { type: 'Action.OpenUrl', url: 'https://example.jp/', title: 'Open' },
            ],
          },
        ),
      );
    });
  });

  describe('broken cards fail with every problem and where it is', () => {
    it('rejects an unknown element type, naming it and the types allowed', () => {
      const message = failureOf(card15([{ type: 'Bogus' }]));
      assert.match(message, /the test card is not a valid Teams Adaptive Card/);
      assert.match(message, /\/body\/0\/type .*unknown type "Bogus"; allowed here .*TextBlock/);
      assert.match(message, /renderer UnknownElementType: Unknown element type "Bogus"/);
    });

    it('rejects an unknown action type', () => {
      const message = failureOf(card15([], { actions: [{ type: 'Action.Http', title: 'x' }] }));
      assert.match(message, /\/actions\/0\/type .*unknown type "Action.Http"/);
      assert.match(message, /UnknownActionType/);
    });

    it('rejects duplicate input ids, also across containers', () => {
      const message = failureOf(
        card15([
          { type: 'Input.Text', id: 'comment' },
          { type: 'Container', items: [{ type: 'Input.Text', id: 'comment' }] },
        ]),
      );
      assert.match(message, /Input.Text "comment": DuplicateId: Duplicate Id "comment"/);
    });

    it('rejects an Input.ChoiceSet without choices, and a choice without a value', () => {
      assert.match(
        failureOf(card15([{ type: 'Input.ChoiceSet', id: 'answer' }])),
        /Input.ChoiceSet "answer": CollectionCantBeEmpty: .*at least one choice/,
      );
      const message = failureOf(
        card15([{ type: 'Input.ChoiceSet', id: 'answer', choices: [{ title: 'Yes' }] }]),
      );
      assert.match(
        message,
        /\/body\/0\/choices\/0 \(in Input.ChoiceSet\): missing required property "value"/,
      );
    });

    it('rejects unknown properties and values outside an enum, with their paths', () => {
      const message = failureOf(
        card15([{ type: 'TextBlock', text: 'x', colour: 'red', size: 'huge' }]),
      );
      assert.match(message, /\/body\/0 \(TextBlock\): unknown property "colour"/);
      assert.match(
        message,
        /\/body\/0\/size \(in TextBlock\): "huge" is not one of default, small/,
      );
    });

    it('rejects a version Teams cannot render, and a missing one', () => {
      const newer = { ...card15([{ type: 'TextBlock', text: 'x' }]), version: '1.6' };
      assert.match(failureOf(newer), /version must be "1.5" or lower.*\(got "1.6"\)/);
      const noVersion: Record<string, unknown> = card15([]);
      delete noVersion['version'];
      assert.match(failureOf(noVersion), /version must be "1.5" or lower.*\(got undefined\)/);
      assertValidCard({ ...card15([]), version: '1.2' });
    });

    it('rejects an Action.Execute without a verb (the router dispatches on it)', () => {
      const message = failureOf(
        card15([], { actions: [{ type: 'Action.Execute', title: 'Send' }] }),
      );
      assert.match(message, /\/actions\/0 \(Action.Execute\): needs a "verb"/);
    });
  });

  describe('renderedInputs', () => {
    it('finds the inputs the real renderer draws, with their initial values', () => {
      const inputs = renderedInputs(
        card15([
          { type: 'TextBlock', text: 'Survey' },
          { type: 'Input.Text', id: 'comment', label: 'Comment', value: 'none' },
          {
            type: 'Container',
            items: [
              {
                type: 'Input.ChoiceSet',
                id: 'answer',
                label: 'Answer',
                value: 'no',
                choices: [
                  { title: 'Yes', value: 'yes' },
                  { title: 'No', value: 'no' },
                ],
              },
            ],
          },
        ]),
      );
      assert.deepEqual(inputs, [
        { id: 'comment', type: 'Input.Text', value: 'none' },
        { id: 'answer', type: 'Input.ChoiceSet', value: 'no' },
      ]);
    });

    it('finds no inputs on the help card', () => {
      assert.deepEqual(renderedInputs(renderCard('help', helpData)), []);
    });
  });

  describe('adaptiveCardsIn', () => {
    it('finds the cards of activities, invoke responses and task modules, and nothing else', () => {
      const card = card15([{ type: 'TextBlock', text: 'x' }]);
      const adaptive = 'application/vnd.microsoft.card.adaptive';
      assert.deepEqual(
        adaptiveCardsIn({ attachments: [{ contentType: adaptive, content: card }] }),
        [card],
      );
      assert.deepEqual(adaptiveCardsIn({ statusCode: 200, type: adaptive, value: card }), [card]);
      assert.deepEqual(
        adaptiveCardsIn({
          task: { type: 'continue', value: { card: { contentType: adaptive, content: card } } },
        }),
        [card],
      );
      assert.deepEqual(
        adaptiveCardsIn({
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: 'ok',
        }),
        [],
      );
    });
  });

  describe('TestBot checks every card the bot sends', () => {
    let bot: TestBot;
    beforeEach(async () => {
      bot = await TestBot.start();
    });
    afterEach(async () => {
      await bot.stop();
    });

    it('passes the help card the bot replies with', async () => {
      const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
      const result = await bot.say(member, 'ヘルプ');
      assert.equal(cardsOf(result.sent).length, 1);
    });

    it('fails on an invalid card sent proactively, naming where it went', async () => {
      const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
      await bot.install(member);
      const broken = card15([{ type: 'Bogus' }]) as Card;
      const sent = await bot.services.sender.send(
        { conversationId: member.personalConversationId },
        { card: broken, summary: 'broken' },
      );
      assert.ok(sent.ok, 'the proactive send reached the connector');
      assert.throws(
        () => bot.assertSentCardsValid(),
        /Card #1 the bot sent \(POST \/v3\/conversations\/[^)]*\) is not a valid .*unknown type "Bogus"/s,
      );
      // Checked once: the next request does not fail again on the same send.
      await bot.say(member, 'help');
    });
  });
});
