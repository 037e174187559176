// Runs first in <body>: lets the CSS know JavaScript is on and, when the
// browser supports ES modules, that GOV.UK Frontend's components will run.
// `app-can-listen`: the browser can read the page aloud, so "Listen to this
// page" (js/listen.mjs) will be shown; its room is kept from the first paint.
document.body.className +=
  ' js-enabled' +
  ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '') +
  ('speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function' && 'noModule' in HTMLScriptElement.prototype
    ? ' app-can-listen'
    : '');
