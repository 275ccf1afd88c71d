/*
 * CallCard Companion: the CALL_CARD widget's bridge (plain JavaScript, no build step).
 *
 * Loaded by the widget page after the BX24 library. It relays what the call card says to the companion's listener
 * (POST /bridge/events, one JSON message per request, the contract of BridgeMessageDecoder) and runs the commands
 * the companion queues (GET /bridge/commands). Every message carries the page's session token and an increasing seq;
 * messages go out one at a time, in order, and a failed delivery is retried with the same seq (so the listener applies
 * it once) with exponential back-off while the companion is unreachable. A 401 means the companion no longer knows
 * this page: after a restart (the session was known before) the page asks Bitrix24 to load it again with
 * BX24.reloadWindow(), which posts a fresh handler form and so mints a new session; a page that was never known
 * (or a library without reloadWindow) says so and stops, so there is no reload loop.
 */
(function () {
  'use strict';

  var config = document.currentScript.dataset;
  var session = config.session;
  var callId = config.callId || null;
  var pollMs = parseInt(config.pollMs, 10) || 1000;
  var commandWaitMs = parseInt(config.commandWaitMs, 10) || 10000;
  var BACKOFF_MIN = 250;
  var BACKOFF_MAX = 10000;
  var COMMANDS = { getStatus: true, enableAutoClose: true, disableAutoClose: true };
  var EVENTS = ['CallCard::CallStateChanged', 'CallCard::EntityChanged', 'CallCard::BeforeClose'];

  var seq = 0;
  var outbox = [];
  var sending = false;
  var stopped = false;
  var lastCommandId = 0;
  var statusPending = false;
  var known = false;

  function show(key) {
    var text = document.body.getAttribute('data-msg-' + key);
    var line = document.getElementById('companion-status');
    if (text && line && line.textContent !== text) {
      line.textContent = text;
    }
  }

  function message(type, fields) {
    var body = { type: type, callId: callId, session: session, seq: ++seq };
    for (var key in fields) {
      if (Object.prototype.hasOwnProperty.call(fields, key)) {
        body[key] = fields[key];
      }
    }
    return body;
  }

  function stop(reason) {
    stopped = true;
    outbox = [];
    show(reason);
  }

  /** 401: the companion does not know this session (restarted, or the session expired). */
  function sessionLost() {
    var reload = known && typeof BX24.reloadWindow === 'function';
    stop('expired');
    if (reload) {
      BX24.reloadWindow();
    }
  }

  function connected() {
    known = true;
    show('connected');
  }

  function send(body) {
    if (stopped) {
      return;
    }
    outbox.push(JSON.stringify(body));
    pump();
  }

  function pump() {
    if (sending || stopped || outbox.length === 0) {
      return;
    }
    sending = true;
    deliver(outbox[0], BACKOFF_MIN);
  }

  function deliver(json, backoff) {
    fetch('/bridge/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: json,
      cache: 'no-store'
    }).then(function (response) {
      if (response.status === 401) {
        sending = false;
        sessionLost();
        return;
      }
      if (response.status === 429 || response.status >= 500) {
        throw new Error('HTTP ' + response.status);
      }
      // 2xx: delivered; any other 4xx: the listener refuses this message itself, and a retry cannot change that
      outbox.shift();
      sending = false;
      connected();
      pump();
    }).catch(function () {
      if (stopped) {
        return;
      }
      show('offline');
      setTimeout(function () {
        deliver(json, Math.min(backoff * 2, BACKOFF_MAX));
      }, backoff);
    });
  }

  function isCardError(result) {
    return Array.isArray(result) && result.length > 0 && result[0] && result[0].result === 'error';
  }

  function pollStatus() {
    if (stopped) {
      return;
    }
    // skip a round while the card has not answered the last one or messages are queued: never pile up
    if (!statusPending && outbox.length < 3) {
      statusPending = true;
      BX24.placement.call('getStatus', {}, function (result) {
        statusPending = false;
        if (isCardError(result)) {
          send(message('result', { command: 'getStatus', result: result }));
        } else if (result && typeof result === 'object' && !Array.isArray(result)) {
          send(message('status', { status: result }));
        }
      });
    }
    setTimeout(pollStatus, pollMs);
  }

  function run(command) {
    if (command.id <= lastCommandId) {
      return;
    }
    lastCommandId = command.id;
    if (!COMMANDS[command.command]) {
      return;
    }
    BX24.placement.call(command.command, {}, function (result) {
      send(message('result', {
        command: command.command,
        result: result === undefined || result === null ? [] : result,
        commandId: command.id
      }));
    });
  }

  function fetchCommands(backoff) {
    if (stopped) {
      return;
    }
    var started = Date.now();
    var url = '/bridge/commands?session=' + encodeURIComponent(session) + '&after=' + lastCommandId +
      '&wait=' + commandWaitMs;
    fetch(url, { cache: 'no-store' }).then(function (response) {
      if (response.status === 401) {
        sessionLost();
        return null;
      }
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (body) {
      if (body === null || stopped) {
        return;
      }
      connected();
      if (typeof body.pollMs === 'number' && body.pollMs >= 50) {
        pollMs = body.pollMs;
      }
      (body.commands || []).forEach(run);
      // an empty answer that came at once was a short poll (the listener's long polls were busy): wait a round
      var next = (body.commands || []).length === 0 && Date.now() - started < 200 ? pollMs : 0;
      setTimeout(function () { fetchCommands(BACKOFF_MIN); }, next);
    }).catch(function () {
      if (stopped) {
        return;
      }
      show('offline');
      setTimeout(function () {
        fetchCommands(Math.min(backoff * 2, BACKOFF_MAX));
      }, backoff);
    });
  }

  function bind(name) {
    BX24.placement.bindEvent(name, function () {
      send(message('event', { event: name, args: Array.prototype.slice.call(arguments) }));
    });
  }

  function closing() {
    if (stopped) {
      return;
    }
    var json = JSON.stringify(message('closed', {}));
    stopped = true;
    var sent = false;
    try {
      sent = navigator.sendBeacon('/bridge/events', new Blob([json], { type: 'application/json' }));
    } catch (refused) {
      sent = false;
    }
    if (!sent) {
      try {
        fetch('/bridge/events', {
          method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' }, body: json
        });
      } catch (ignored) {
        // the page is going away; nothing else can be done
      }
    }
  }

  if (typeof BX24 === 'undefined') {
    show('nobx24');
    return;
  }
  window.addEventListener('pagehide', closing);
  window.addEventListener('beforeunload', closing);
  BX24.init(function () {
    EVENTS.forEach(bind);
    pollStatus();
    fetchCommands(BACKOFF_MIN);
  });
})();
