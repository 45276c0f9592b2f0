// The baseline for turn throughput: the smallest botbuilder bot on restify, as in
// Microsoft's echo sample. Started as a child process by bench/throughput.ts.
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { createBotFramework } from '../bot/adapter.js';

// ECHO_HONBU_ADAPTER=1: the same bot on Honbu's adapter (it keeps its Bot Framework
// clients instead of building them per turn), to tell that saving from Honbu's own cost.
const adapter =
  process.env['ECHO_HONBU_ADAPTER'] === '1'
    ? createBotFramework({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' })
        .adapter
    : new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`Echo: ${context.activity.text}`);
  await next();
});
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) =>
  adapter.process(req, res, (context) => bot.run(context)),
);
server.listen(Number(process.env['PORT']), '127.0.0.1', () => process.stdout.write('ready\n'));
