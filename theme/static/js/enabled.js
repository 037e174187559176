// Runs first in <body>: lets the CSS know JavaScript is on and, when the
// browser supports ES modules, that GOV.UK Frontend's components will run.
document.body.className +=
  ' js-enabled' +
  ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
