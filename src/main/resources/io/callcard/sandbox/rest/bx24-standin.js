/*
 * The sandbox's stand-in for Bitrix24's BX24 library (https://api.bitrix24.com/api/v1/): same surface, no portal.
 * Control surface for tests and demos, in the page that loaded it: window.__sandbox
 *   fireEvent(name, args)      calls the handler bound to a CallCard::* event with args (an array); false if unbound
 *   boundEvents()              names of the bound events
 *   setStatus(obj)             what getStatus answers; null (the start) answers [{"result":"error",...}] as with no card
 *   commandsSeen               every command given to BX24.placement.call, in order (getStatus polls included)
 *   autoCloseHeld              true after disableAutoClose, false after enableAutoClose (the card's hold)
 *   silence(command)           that command's callback never fires (as Bitrix24 does for unknown commands)
 *   callsSeen                  every BX24.callMethod as {method, params}
 *   failMethod(m, code, desc)  BX24.callMethod(m) answers that error instead of success
 *   installFinished            true after BX24.installFinish()
 *   reloadRequests             how many times the page asked BX24.reloadWindow() (the stand-in does not reload)
 */
(function () {
  'use strict';

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
      handler.apply(null, args || []);
      return true;
    },
    boundEvents: function () { return Object.keys(handlers); },
    silence: function (command) { silenced[command] = true; },
    failMethod: function (method, code, description) {
      failures[method] = { error: code, error_description: description || '' };
    }
  };
  window.__sandbox = sandbox;

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
      info: function () { return { placement: 'CALL_CARD', options: {} }; }
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
    reloadWindow: function () { sandbox.reloadRequests++; },
    getAuth: function () {
      return { access_token: 'sandbox-access-token', refresh_token: 'sandbox-refresh-token', expires_in: 3600,
        domain: location.host, member_id: 'sandbox' };
    }
  };
})();
