import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from '../shared/loopback-server.js';
import { ScriptedAnswers } from '../shared/scripted-answers.js';

/** A public post the fake knows: its author's handle and its text. */
export interface FakeXPost {
  readonly author: string;
  readonly text: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A local publish.twitter.com: GET /oembed?url=<post url> answers X's oEmbed JSON (`author_name`,
 * `author_url`, `html` with hashtags as links) for the posts a test adds, whatever handle the url
 * carries (as X resolves a post by its id alone), 404 for an unknown id, 400 without a post url.
 * `scripted` answers play first.
 */
export class FakeXOEmbedServer {
  /** Answers played before the normal ones, one per request (outages, rate limits, hangs). */
  readonly scripted = new ScriptedAnswers();
  /** The `url` query of every request. */
  readonly requestedUrls: string[] = [];
  private readonly posts = new Map<string, FakeXPost>();
  private server: LoopbackServer | null = null;

  static async start(): Promise<FakeXOEmbedServer> {
    const fake = new FakeXOEmbedServer();
    fake.server = await LoopbackServer.start((req, res) => fake.handle(req, res));
    return fake;
  }

  get baseUrl(): string {
    if (this.server === null) throw new Error('FakeXOEmbedServer is not started');
    return this.server.baseUrl;
  }

  /** Publishes a post under its id. */
  addPost(id: string, post: FakeXPost): void {
    this.posts.set(id, post);
  }

  /** Deletes a post. */
  removePost(id: string): void {
    this.posts.delete(id);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const target = url.searchParams.get('url') ?? '';
    this.requestedUrls.push(target);
    if (this.scripted.play(res)) return;
    if (req.method !== 'GET' || url.pathname !== '/oembed') return this.json(res, 404, { error: 'not found' });
    const id = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/[^/]+\/status\/([0-9]+)/.exec(target)?.[1];
    if (id === undefined) return this.json(res, 400, { error: 'invalid url' });
    const post = this.posts.get(id);
    if (post === undefined) return this.json(res, 404, { error: 'not found' });
    const text = escapeHtml(post.text).replace(/#(\w+)/g, '<a href="https://twitter.com/hashtag/$1?src=hash&amp;ref_src=twsrc%5Etfw">#$1</a>');
    const authorUrl = `https://twitter.com/${post.author}`;
    this.json(res, 200, {
      url: `${authorUrl}/status/${id}`,
      author_name: post.author,
      author_url: authorUrl,
      html: `<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">${text}</p>&mdash; ${post.author} (@${post.author}) <a href="${authorUrl}/status/${id}">March 1, 2026</a></blockquote>\n`,
      width: 550,
      height: null,
      type: 'rich',
      cache_age: '3153600000',
      provider_name: 'Twitter',
      provider_url: 'https://twitter.com',
      version: '1.0',
    });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }
}
