// "Listen to this page": reads the page's main content aloud with the
// browser's own speech synthesis, one sentence at a time, highlighting the
// sentence being read. Nothing is sent anywhere: the words go only to
// window.speechSynthesis, which prefers a voice on the device itself.
//
// The control (partials/listen.html) is `hidden` in the HTML and shown here
// only where the browser has speechSynthesis and SpeechSynthesisUtterance.
// enabled.js marks <body> with `app-can-listen` before the first paint, and
// the CSS keeps the control's room for it then, so showing it moves nothing.

export const SENTENCE = 'app-listen__sentence';
export const READING = 'app-listen__sentence--reading';
// The blocks whose words are read, in page order. A block inside another is
// read as part of the inner one only.
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, legend, .govuk-warning-text__text';
// Never read: the control itself, the link to the other version of the page,
// the feedback box, and what is not shown.
const SKIP = '.app-listen, .app-easy-read-link, .app-feedback, script, style, template, [hidden], [aria-hidden="true"], .govuk-visually-hidden';

/** Where each sentence of `text` ends: after . ! ? or : and before a space
 * or the end. A full stop inside a word ("example.org", "9.30am") is not an end. */
export function sentenceEnds(text) {
  const ends = [];
  for (const match of text.matchAll(/[.!?:]+(?=\s|$)/g)) ends.push(match.index + match[0].length);
  if (!ends.length || ends[ends.length - 1] < text.length) ends.push(text.length);
  return ends;
}

/** [[start, end, words]] of each sentence in `text` with words in it. */
export function sentenceSpans(text) {
  const spans = [];
  let start = 0;
  for (const end of sentenceEnds(text)) {
    const words = text.slice(start, end).replace(/\s+/g, ' ').trim();
    if (words) spans.push([start, end, words]);
    start = end;
  }
  return spans;
}

/** The sentences in `text`, each with its own spaces tidied. */
export function splitSentences(text) {
  return sentenceSpans(text).map(([, , words]) => words);
}

/** The voice to read with: on the device (localService) in British English,
 * then on the device in any English, then any British or other English
 * voice; null lets the browser choose. */
export function chooseVoice(voices) {
  const english = (voice) => /^en([-_]|$)/i.test(voice.lang || '');
  const british = (voice) => /^en[-_]gb$/i.test(voice.lang || '');
  const preferences = [
    (voice) => voice.localService && british(voice),
    (voice) => voice.localService && english(voice),
    british,
    english,
  ];
  for (const prefers of preferences) {
    const voice = voices.find(prefers);
    if (voice) return voice;
  }
  return null;
}

function skipped(element, root) {
  for (let node = element; node && node !== root.parentNode; node = node.parentElement) {
    if (node.matches && node.matches(SKIP)) return true;
  }
  return false;
}

/** The innermost readable blocks under `root`, in page order. */
export function readableBlocks(root) {
  return [...root.querySelectorAll(BLOCKS)].filter(
    (block) => !block.querySelector(BLOCKS) && !skipped(block, root) && block.textContent.trim(),
  );
}

/** Wrap each sentence of each block in spans (a sentence broken by a link
 * gets one span per piece, all with its number). Returns the sentences'
 * words, in order, and `restore()`, which puts the page back as it was. */
export function wrapSentences(root) {
  const doc = root.ownerDocument;
  const sentences = [];
  const wrapped = [];
  for (const block of readableBlocks(root)) {
    const texts = [];
    const walker = doc.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!skipped(node.parentElement, block)) texts.push(node);
    }
    const inBlock = sentenceSpans(texts.map((node) => node.data).join(''));
    if (!inBlock.length) continue;
    const ends = inBlock.map(([, end]) => end);
    const first = sentences.length;
    sentences.push(...inBlock.map(([, , words]) => words));
    let offset = 0;
    for (const node of texts) {
      const text = node.data;
      const parts = [];
      let start = 0;
      while (start < text.length) {
        const position = offset + start;
        const index = ends.findIndex((end) => position < end);
        const number = index === -1 ? ends.length - 1 : index;
        const stop = Math.min(text.length, (index === -1 ? Infinity : ends[index]) - offset);
        parts.push([text.slice(start, Math.max(stop, start + 1)), first + number]);
        start = Math.max(stop, start + 1);
      }
      offset += text.length;
      const fragment = doc.createDocumentFragment();
      for (const [piece, number] of parts) {
        if (!piece.trim()) {
          fragment.append(piece);
          continue;
        }
        const span = doc.createElement('span');
        span.className = SENTENCE;
        span.dataset.listenSentence = String(number);
        span.textContent = piece;
        fragment.append(span);
        wrapped.push(span);
      }
      node.replaceWith(fragment);
    }
  }
  function restore() {
    const parents = new Set();
    for (const span of wrapped) {
      if (!span.parentNode) continue;
      parents.add(span.parentNode);
      span.replaceWith(doc.createTextNode(span.textContent));
    }
    for (const parent of parents) parent.normalize();
  }
  return { sentences, restore };
}

/** Reads `root` aloud sentence by sentence; `onChange(state)` hears
 * "reading", "paused" and "stopped". */
export class Reader {
  constructor(root, speech, Utterance, onChange = () => {}, wrap = wrapSentences) {
    this.root = root;
    this.wrap = wrap;
    this.speech = speech;
    this.Utterance = Utterance;
    this.onChange = onChange;
    this.state = 'stopped';
    this.wrapping = null;
    this.current = -1;
  }

  start() {
    this.stop();
    this.wrapping = this.wrap(this.root);
    this.state = 'reading';
    this.onChange(this.state);
    this.speak(0);
  }

  speak(index) {
    if (this.state === 'stopped') return;
    const { sentences } = this.wrapping;
    if (index >= sentences.length) {
      this.stop();
      return;
    }
    const utterance = new this.Utterance(sentences[index]);
    const voice = chooseVoice(this.speech.getVoices ? this.speech.getVoices() : []);
    if (voice) {
      utterance.voice = voice;
      utterance.lang = voice.lang;
    } else {
      utterance.lang = this.root.ownerDocument.documentElement.lang || 'en-GB';
    }
    utterance.onstart = () => this.highlight(index);
    utterance.onend = () => {
      if (this.state !== 'stopped' && this.current === index) this.speak(index + 1);
    };
    utterance.onerror = utterance.onend;
    this.current = index;
    this.speech.speak(utterance);
  }

  highlight(index) {
    for (const span of this.root.querySelectorAll(`.${READING}`)) span.classList.remove(READING);
    const spans = this.root.querySelectorAll(`[data-listen-sentence="${index}"]`);
    for (const span of spans) span.classList.add(READING);
    if (spans[0] && spans[0].scrollIntoView) spans[0].scrollIntoView({ block: 'nearest' });
  }

  pause() {
    if (this.state !== 'reading') return;
    this.speech.pause();
    this.state = 'paused';
    this.onChange(this.state);
  }

  resume() {
    if (this.state !== 'paused') return;
    this.speech.resume();
    this.state = 'reading';
    this.onChange(this.state);
  }

  stop() {
    const wasStopped = this.state === 'stopped';
    this.state = 'stopped';
    this.current = -1;
    this.speech.cancel();
    if (this.wrapping) {
      this.wrapping.restore();
      this.wrapping = null;
    }
    if (!wasStopped) this.onChange(this.state);
  }
}

const STATUS = { reading: 'Reading the page aloud.', paused: 'Paused.', stopped: 'Stopped.' };

/** Wire up one control; returns its Reader, or null where speech is not supported. */
export function setUpControl(control, win = window) {
  if (!('speechSynthesis' in win) || typeof win.SpeechSynthesisUtterance !== 'function') return null;
  const root = control.closest('main') || control.ownerDocument.body;
  const button = (action) => control.querySelector(`[data-listen-action="${action}"]`);
  const status = control.querySelector('[data-listen-status]');
  const reader = new Reader(root, win.speechSynthesis, win.SpeechSynthesisUtterance, (state) => {
    // The button pressed is hidden now: focus moves to the one that takes its place.
    const hadFocus = control.contains(control.ownerDocument.activeElement);
    button('start').hidden = state !== 'stopped';
    button('pause').hidden = state !== 'reading';
    button('resume').hidden = state !== 'paused';
    button('stop').hidden = state === 'stopped';
    if (status) status.textContent = STATUS[state];
    const next = { stopped: 'start', reading: 'pause', paused: 'resume' }[state];
    if (hadFocus) button(next).focus();
  });
  button('start').addEventListener('click', () => reader.start());
  button('pause').addEventListener('click', () => reader.pause());
  button('resume').addEventListener('click', () => reader.resume());
  button('stop').addEventListener('click', () => reader.stop());
  // Leaving the page stops the voice: it would otherwise go on reading.
  win.addEventListener('pagehide', () => reader.stop());
  control.hidden = false;
  return reader;
}

if (typeof document !== 'undefined') {
  for (const control of document.querySelectorAll('[data-module="app-listen"]')) setUpControl(control);
}
