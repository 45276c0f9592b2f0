import { strict as assert } from 'node:assert';
import { localStartMessage } from '../src/start-message.js';

describe('the start message in local mode', () => {
  it('needs no --bot on the chat client default, localhost:3978', () => {
    const text = localStartMessage('http://127.0.0.1:3978', '127.0.0.1');
    assert.match(text, /listens on http:\/\/127\.0\.0\.1:3978\/api\/messages/);
    assert.match(text, /npm run chat -- --as kumin-bucho@city\.example\.jp\n/);
  });

  it('names the host it was given, and the chat command reaches it', () => {
    const text = localStartMessage('http://192.0.2.10:3978', '192.0.2.10');
    assert.match(text, /listens on http:\/\/192\.0\.2\.10:3978\/api\/messages/);
    assert.match(text, /--bot http:\/\/192\.0\.2\.10:3978\n/);
  });

  it('says "every interface" for 0.0.0.0 and adds --bot for another port', () => {
    const text = localStartMessage('http://127.0.0.1:4100', '0.0.0.0');
    assert.match(text, /every network interface \(0\.0\.0\.0\), port 4100/);
    assert.match(text, /--bot http:\/\/localhost:4100\n/);
  });
});
