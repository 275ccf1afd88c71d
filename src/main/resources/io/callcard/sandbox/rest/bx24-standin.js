/*
 * The sandbox's stand-in for Bitrix24's BX24 library (https://api.bitrix24.com/api/v1/): same surface, no portal, and
 * the real library's rules where they matter to a widget (protocol.md, "What Bitrix24's own code delivers"):
 *   - it works only inside a portal frame: a window.name of the form host|secure|APP_SID in a window that has a parent;
 *     anywhere else it sets window.BX24 = null and throws "Unable to initialize Bitrix24 JS library!";
 *   - a placement event reaches its handler with ONE argument, the first the card fired (CallStateChanged: the state
 *     alone); an event fired without arguments arrives as [] (the library's empty answer), and every value crosses as
 *     JSON, as through postMessage;
 *   - reloadWindow is denied in the CALL_CARD placement: nothing happens and no callback fires (the attempt is counted);
 *   - placement.info().placement is CALL_CARD, or what the script URL's ?placement= says (for tests of other placements).
 * Control surface for tests and demos, in the page that loaded it: window.__sandbox
 *   fireEvent(name, args)      calls the handler bound to a CallCard::* event with args[0] only; false if unbound
 *   boundEvents()              names of the bound events
 *   setStatus(obj)             what getStatus answers; null (the start) answers [{"result":"error",...}] as with no card
 *   commandsSeen               every command given to BX24.placement.call, in order (getStatus polls included)
 *   autoCloseHeld              true after disableAutoClose, false after enableAutoClose (the card's hold)
 *   silence(command)           that command's callback never fires (as Bitrix24 does for unknown commands)
 *   callsSeen                  every BX24.callMethod as {method, params}
 *   failMethod(m, code, desc)  BX24.callMethod(m) answers that error instead of success
 *   installFinished            true after BX24.installFinish()
 *   reloadRequests             how many times the page asked BX24.reloadWindow() (denied: the page is not reloaded)
 * The parent page (the portal's side) may also fire an event as the portal does, by postMessage to this frame:
 *   frame.contentWindow.postMessage({sandboxEvent: name, args: [...]}, '*')
 * so that a test can fire the card's last event and remove the frame in one task, as the real card does.
 */
(function () {
  'use strict';

  var frame = (window.name || '').split('|');
  if (window.parent === window || !frame[0] || !frame[2]) {
    window.BX24 = null;
    throw new Error('Unable to initialize Bitrix24 JS library!');
  }
  var script = document.currentScript;
  var placement = (script && new URL(script.src).searchParams.get('placement')) || 'CALL_CARD';

  var handlers = {};
  var failures = {};
  var silenced = {};

  var sandbox = {
    commandsSeen: [],
    callsSeen: [],
    autoCloseHeld: false,
    installFinished: false,
    reloadRequests: 0,
    status: null,
    setStatus: function (status) { sandbox.status = status; },
    fireEvent: function (name, args) {
      var handler = handlers[name];
      if (!handler) {
        return false;
      }
      var first = args && args.length > 0 ? args[0] : undefined;
      // one value crosses, as JSON; nothing at all arrives as the library's empty answer, []
      handler(first === undefined ? [] : JSON.parse(JSON.stringify(first)));
      return true;
    },
    boundEvents: function () { return Object.keys(handlers); },
    silence: function (command) { silenced[command] = true; },
    failMethod: function (method, code, description) {
      failures[method] = { error: code, error_description: description || '' };
    }
  };
  window.__sandbox = sandbox;

  // the portal's page fires the card's events by postMessage; a frame removed in the same task never gets them
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source === window.parent && data && typeof data.sandboxEvent === 'string') {
      sandbox.fireEvent(data.sandboxEvent, data.args);
    }
  });

  function later(fn) { setTimeout(fn, 0); }

  function answer(command) {
    switch (command) {
      case 'getStatus':
        return sandbox.status ? JSON.parse(JSON.stringify(sandbox.status))
          : [{ result: 'error', errorCode: 'Call card is undefined' }];
      case 'disableAutoClose':
        sandbox.autoCloseHeld = true;
        return [];
      case 'enableAutoClose':
        sandbox.autoCloseHeld = false;
        return [];
      default:
        return undefined;
    }
  }

  window.BX24 = {
    init: function (callback) { later(callback); },
    placement: {
      call: function (command, params, callback) {
        sandbox.commandsSeen.push(command);
        var result = answer(command);
        if (result === undefined || silenced[command]) {
          return; // Bitrix24 silently ignores unknown commands: the callback never fires
        }
        later(function () { callback(result); });
      },
      bindEvent: function (name, callback) { handlers[name] = callback; },
      info: function () { return { placement: placement, options: {} }; }
    },
    callMethod: function (method, params, callback) {
      sandbox.callsSeen.push({ method: method, params: params });
      var failure = failures[method];
      var result = {
        error: function () { return failure ? { ex: failure, status: 400 } : false; },
        data: function () { return failure ? null : true; },
        more: function () { return false; }
      };
      later(function () { callback(result); });
    },
    installFinish: function () { sandbox.installFinished = true; },
    // denied for every placement but DEFAULT: the portal neither reloads the frame nor answers
    reloadWindow: function () { sandbox.reloadRequests++; },
    getAuth: function () {
      return { access_token: 'sandbox-access-token', refresh_token: 'sandbox-refresh-token', expires_in: 3600,
        domain: frame[0], member_id: 'sandbox' };
    }
  };
})();
