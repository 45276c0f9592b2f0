import { strict as assert } from 'node:assert';
import { cardToText } from '../scripts/chat/card-text.js';

const surveyCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'アンケート：検討テーマ', weight: 'Bolder' },
    {
      type: 'FactSet',
      facts: [
        { title: '期限', value: '2020-08-31' },
        { title: '回答部署', value: '区民部' },
      ],
    },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', items: [{ type: 'TextBlock', text: '現在の1位' }] },
        { type: 'Column', items: [{ type: 'TextBlock', text: 'Web会議' }] },
      ],
    },
    { type: 'Input.Text', id: 'comment', label: 'コメント', placeholder: '自由記述' },
    {
      type: 'Input.ChoiceSet',
      id: 'rank1',
      label: '1位',
      choices: [
        { title: 'Web会議', value: 'webmeeting' },
        { title: 'テレワーク', value: 'telework' },
      ],
    },
  ],
  actions: [
    { type: 'Action.Execute', title: '回答する', verb: 'survey.submit', data: { surveyId: 's1' } },
    { type: 'Action.Execute', title: '取消', verb: 'survey.cancel', data: { surveyId: 's1' } },
  ],
};

describe('chat: Adaptive Card as terminal text', () => {
  it('renders text blocks, facts, columns, inputs with ids and choices, and numbered actions', () => {
    const rendered = cardToText(surveyCard);
    assert.equal(
      rendered.text,
      [
        'アンケート：検討テーマ',
        '期限: 2020-08-31',
        '回答部署: 区民部',
        '現在の1位  Web会議',
        'コメント [comment]: (empty)  (自由記述)',
        '1位 [rank1]: (empty)',
        '  choices: webmeeting=Web会議 | telework=テレワーク',
        '[1] 回答する  [2] 取消',
      ].join('\n'),
    );
    assert.deepEqual(rendered.actions, [
      {
        type: 'Action.Execute',
        title: '回答する',
        verb: 'survey.submit',
        data: { surveyId: 's1' },
        withInputs: true,
      },
      {
        type: 'Action.Execute',
        title: '取消',
        verb: 'survey.cancel',
        data: { surveyId: 's1' },
        withInputs: true,
      },
    ]);
    assert.deepEqual(
      rendered.inputs.map((i) => [i.id, i.label, i.choices.length]),
      [
        ['comment', 'コメント', 0],
        ['rank1', '1位', 2],
      ],
    );
  });

  it('shows the values the user set and numbers actions on from where the session is', () => {
    const rendered = cardToText(surveyCard, {
      firstAction: 5,
      values: { rank1: 'telework', comment: '要検討' },
    });
    assert.match(rendered.text, /^コメント \[comment\]: 要検討$/m);
    assert.match(rendered.text, /^1位 \[rank1\]: telework \(テレワーク\)$/m);
    assert.match(rendered.text, /^\[5\] 回答する {2}\[6\] 取消$/m);
  });

  it('lists links and submits, opens show-cards in place, and skips hidden elements', () => {
    const rendered = cardToText({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'shown' },
        { type: 'TextBlock', text: 'hidden', isVisible: false },
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.OpenUrl', title: '資料1-7', url: 'https://example.jp/1-7' }],
        },
      ],
      actions: [
        { type: 'Action.Submit', title: '送信', data: { verb: 'x.send' } },
        {
          type: 'Action.ShowCard',
          title: 'コメントする',
          card: {
            type: 'AdaptiveCard',
            body: [{ type: 'Input.Toggle', id: 'agree', title: '同意する', valueOn: 'yes' }],
            actions: [{ type: 'Action.Execute', title: '保存', verb: 'x.save' }],
          },
        },
      ],
    });
    assert.equal(
      rendered.text,
      [
        'shown',
        '[1] 資料1-7 ↗',
        '[2] 送信',
        '▸ コメントする',
        '  同意する [agree]: false (off)',
        '    choices: yes=on | false=off',
        '  [3] 保存',
      ].join('\n'),
    );
    assert.deepEqual(
      rendered.actions.map((a) => a.type),
      ['Action.OpenUrl', 'Action.Submit', 'Action.Execute'],
    );
  });

  it('reads nothing odd into a card it cannot understand', () => {
    assert.deepEqual(cardToText(undefined), { text: '', actions: [], inputs: [] });
    const rendered = cardToText({
      body: [
        { type: 'Rating', fallback: { type: 'TextBlock', text: '評価: 4' } },
        { type: 'Carousel', fallback: 'drop' },
        { type: 'Badge' },
      ],
    });
    assert.equal(rendered.text, '評価: 4\n[Badge]');
  });
});
