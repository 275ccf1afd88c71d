/*
 * CallCard Companion: the local application's install page script. Binds the CALL_CARD placement to this companion's
 * widget handler (always an http://127.0.0.1 URL), then finishes the installation; shows what happened. Bitrix24's
 * library is undefined when it did not load, and null when the page is not inside a portal frame.
 */
(function () {
  'use strict';

  var handler = document.currentScript.dataset.handler;
  var line = document.getElementById('install-status');

  function say(key, detail) {
    var text = document.body.getAttribute('data-msg-' + key) || key;
    line.textContent = detail ? text + ' ' + detail : text;
    line.setAttribute('data-outcome', key);
  }

  if (typeof BX24 === 'undefined') {
    say('nobx24');
    return;
  }
  if (BX24 === null) {
    say('installOutside');
    return;
  }
  BX24.init(function () {
    BX24.callMethod('placement.bind', {
      PLACEMENT: 'CALL_CARD',
      HANDLER: handler,
      TITLE: 'CallCard Companion'
    }, function (result) {
      var error = result.error();
      if (error) {
        var ex = error.ex || {};
        var code = ex.error || String(error);
        var description = ex.error_description || '';
        say('installFailed', code + (description ? ' (' + description + ')' : ''));
        return;
      }
      BX24.installFinish();
      say('installed');
    });
  });
})();
