// A server-sent-events stream of the gateway (docs/api.md#live-streams) read with fetch, because EventSource cannot
// send the bearer token. Behaves like EventSource where it matters: reconnects after the stream's `retry`, sends the
// last id it saw as Last-Event-ID (the gateway replays what was missed), and reports `reset` so the page reloads.
import { token } from './session.js';

export class LiveStream {
  constructor(path, { onEvent, onReset, onState }) {
    this.path = path;
    this.onEvent = onEvent;
    this.onReset = onReset;
    this.onState = onState || (() => {});
    this.lastId = null;
    this.retry = 3000;
    this.controller = null;
    this.closed = false;
  }

  open() {
    this.connect();
    return this;
  }

  close() {
    this.closed = true;
    if (this.controller) this.controller.abort();
  }

  async connect() {
    while (!this.closed) {
      this.controller = new AbortController();
      try {
        const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + token() };
        if (this.lastId) headers['Last-Event-ID'] = this.lastId;
        const response = await fetch(this.path, { headers, signal: this.controller.signal, cache: 'no-store' });
        if (response.status === 401 || response.status === 403) {
          this.onState(false);
          return;
        }
        if (!response.ok || !response.body) throw new Error('stream answered ' + response.status);
        this.onState(true);
        await this.read(response.body.getReader());
      } catch (e) {
        if (this.closed) return;
      }
      this.onState(false);
      await new Promise(resolve => setTimeout(resolve, this.retry));
    }
  }

  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        this.dispatch(block);
      }
    }
  }

  dispatch(block) {
    let event = 'message';
    let id = null;
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    }
    if (id !== null) this.lastId = id;
    if (data.length === 0) return;
    const payload = JSON.parse(data.join('\n'));
    if (event === 'reset') {
      this.lastId = null;
      this.onReset(payload);
    } else {
      this.onEvent(event, payload);
    }
  }
}
