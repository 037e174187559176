// Unit tests for theme/static/js/listen.mjs: run with `node --test tests/js/`.
// The page itself (wrapping sentences in spans, the buttons) is tested in
// Chromium by tests/browser/test_easy_read.py.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Reader, chooseVoice, sentenceEnds, splitSentences } from '../../theme/static/js/listen.mjs';

test('splits text into sentences at . ! ? and :', () => {
  assert.deepEqual(splitSentences('It is free. Phone them on 01632 960 510. Ask them:  a quiet room'), [
    'It is free.', 'Phone them on 01632 960 510.', 'Ask them:', 'a quiet room',
  ]);
  assert.deepEqual(splitSentences('Is it open? Yes!'), ['Is it open?', 'Yes!']);
});

test('a full stop inside a word does not end a sentence', () => {
  assert.deepEqual(splitSentences('Email hello@example.org today. It opens at 9.30am.'), [
    'Email hello@example.org today.', 'It opens at 9.30am.',
  ]);
});

test('sentence ends are offsets in the text, the last one its length', () => {
  assert.deepEqual(sentenceEnds('One. Two'), [4, 8]);
  assert.deepEqual(sentenceEnds('One.'), [4]);
  assert.deepEqual(sentenceEnds(''), [0]);
  assert.deepEqual(splitSentences('   '), []);
});

const voice = (name, lang, localService) => ({ name, lang, localService });

test('prefers a voice on the device in British English, then any English on the device', () => {
  const remoteGb = voice('remote', 'en-GB', false);
  const localUs = voice('local us', 'en-US', true);
  const localGb = voice('local gb', 'en_GB', true);
  const localFr = voice('local fr', 'fr-FR', true);
  assert.equal(chooseVoice([remoteGb, localUs, localGb, localFr]), localGb);
  assert.equal(chooseVoice([remoteGb, localUs, localFr]), localUs);
  assert.equal(chooseVoice([localFr, remoteGb]), remoteGb);
  assert.equal(chooseVoice([localFr, voice('remote us', 'en-US', false)]).name, 'remote us');
  assert.equal(chooseVoice([localFr]), null);
  assert.equal(chooseVoice([]), null);
});

// A speechSynthesis that records what it is asked to do and plays each
// utterance's onstart and onend when told to.
function recorder(voices = []) {
  const calls = [];
  return {
    calls,
    queue: [],
    getVoices: () => voices,
    speak(utterance) { calls.push(['speak', utterance.text]); this.queue.push(utterance); },
    pause() { calls.push(['pause']); },
    resume() { calls.push(['resume']); },
    cancel() { calls.push(['cancel']); this.queue = []; },
    finishOne() {
      const utterance = this.queue.shift();
      utterance.onstart();
      utterance.onend();
    },
  };
}

class Utterance {
  constructor(text) { this.text = text; }
}

function reader(speech, sentences, changes) {
  const restored = [];
  const root = { ownerDocument: { documentElement: { lang: 'en-GB' } }, querySelectorAll: () => [] };
  const wrap = () => ({ sentences, restore: () => restored.push(true) });
  return { reader: new Reader(root, speech, Utterance, (state) => changes.push(state), wrap), restored };
}

test('reads one sentence after another, in order, then stops and restores the page', () => {
  const speech = recorder();
  const changes = [];
  const { reader: listen, restored } = reader(speech, ['One.', 'Two.', 'Three.'], changes);
  listen.start();
  assert.deepEqual(speech.calls.filter(([what]) => what === 'speak'), [['speak', 'One.']]);
  speech.finishOne();
  speech.finishOne();
  speech.finishOne();
  assert.deepEqual(speech.calls.filter(([what]) => what === 'speak').map(([, text]) => text), ['One.', 'Two.', 'Three.']);
  assert.deepEqual(changes, ['reading', 'stopped']);
  assert.equal(restored.length, 1);
  assert.equal(listen.state, 'stopped');
});

test('pauses, resumes and stops; a stopped reader says nothing more', () => {
  const speech = recorder();
  const changes = [];
  const { reader: listen, restored } = reader(speech, ['One.', 'Two.'], changes);
  listen.start();
  listen.pause();
  listen.pause(); // twice is once
  listen.resume();
  const pending = speech.queue[0];
  listen.stop();
  pending.onend(); // the browser may still end the cancelled utterance
  assert.deepEqual(changes, ['reading', 'paused', 'reading', 'stopped']);
  assert.deepEqual(speech.calls, [['cancel'], ['speak', 'One.'], ['pause'], ['resume'], ['cancel']]);
  assert.equal(restored.length, 1);
});

test('uses the chosen voice and its language', () => {
  const local = voice('local gb', 'en-GB', true);
  const speech = recorder([voice('remote', 'en-GB', false), local]);
  const { reader: listen } = reader(speech, ['One.'], []);
  listen.start();
  assert.equal(speech.queue[0].voice, local);
  assert.equal(speech.queue[0].lang, 'en-GB');
});

test('without a voice, the page language is asked for', () => {
  const speech = recorder([]);
  const { reader: listen } = reader(speech, ['One.'], []);
  listen.start();
  assert.equal(speech.queue[0].voice, undefined);
  assert.equal(speech.queue[0].lang, 'en-GB');
});
