// Lots: a warning before an idle staff session ends (issue 20, item 1), as progressive
// enhancement. Every page works without this file: a form posted after the session ended
// is kept for its writer and comes back after the next login (crates/web/src/sparat.rs).
// With it, a few minutes before the idle limit a dialog says when the session ends and
// offers to stay logged in; once it has ended, it says that what was typed is still on the
// page. No framework, no inline script (the CSP allows only files from Lots itself).
(function () {
  'use strict';
  var skript = document.currentScript;
  var mall = document.getElementById('sessionsvarning');
  if (!skript || !mall || !window.fetch || !window.HTMLDialogElement) return;

  var kvar = Number(skript.dataset.kvar);
  var varna = Number(skript.dataset.varna);
  var csrf = skript.dataset.csrf || '';
  if (!(kvar > 0) || !(varna > 0)) return;

  // The session ends at `slut` (ms) unless something else keeps it alive.
  var slut = Date.now() + kvar * 1000;
  var timer = null;
  var dialog = null;
  // What had the focus when the dialog opened (the text being written, as a rule), and
  // where its caret was.
  var fore = null;
  var markering = null;

  function klockslag(ms) {
    return new Date(ms).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
  }

  function vanta(ms, f) {
    clearTimeout(timer);
    timer = setTimeout(f, Math.max(ms, 0));
  }

  function schemalagg() {
    vanta(slut - varna * 1000 - Date.now(), kontrollera);
  }

  // How long the session lives, as the server knows it: another tab may have kept it alive.
  // Asking does not keep it alive.
  function fraga() {
    return fetch('/session/kvar', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      cache: 'no-store',
    })
      .then(function (r) {
        return r.ok ? r.json() : { kvar: 0 };
      })
      .then(function (d) {
        return Number(d.kvar) || 0;
      });
  }

  function kontrollera() {
    fraga()
      .then(function (sekunder) {
        slut = Date.now() + sekunder * 1000;
        if (sekunder <= 0) {
          visa('ute');
        } else if (sekunder > varna + 5) {
          stang();
          schemalagg();
        } else {
          visa('varning');
          vanta(slut - Date.now() + 1000, kontrollera);
        }
      })
      .catch(function () {
        // The server did not answer: warn by the page's own count, and ask again at the end.
        if (Date.now() < slut) {
          visa('varning');
          vanta(slut - Date.now() + 1000, kontrollera);
        }
      });
  }

  function forlang() {
    var kropp = new URLSearchParams();
    kropp.set('_csrf', csrf);
    fetch('/session/forlang', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      body: kropp,
      redirect: 'manual',
    })
      .then(function (r) {
        return r.ok ? r.json() : { kvar: 0 };
      })
      .then(function (d) {
        var sekunder = Number(d.kvar) || 0;
        slut = Date.now() + sekunder * 1000;
        if (sekunder <= 0) {
          visa('ute');
        } else if (sekunder <= varna) {
          // The session's absolute end is near: staying does not help.
          visa('slut');
          vanta(slut - Date.now() + 1000, kontrollera);
        } else {
          stang();
          schemalagg();
        }
      })
      .catch(function () {
        visa('ute');
      });
  }

  function skapa() {
    var d = mall.content.firstElementChild.cloneNode(true);
    document.body.appendChild(d);
    d.querySelector('[data-knapp="forlang"]').addEventListener('click', forlang);
    d.querySelector('[data-knapp="stang"]').addEventListener('click', stang);
    d.addEventListener('close', function () {
      // Opened again at once in a new state: the focus stays in it.
      if (d.open) return;
      var e = fore;
      var m = markering;
      fore = null;
      markering = null;
      tillbaka(e, m);
    });
    return d;
  }

  // The browser gives the focus back to where it was, but Chromium then takes no typing
  // there until it is focused anew (keys were lost in the browser test): so focus it anew,
  // with the caret where it was.
  function tillbaka(e, m) {
    if (!e || e === document.body || !document.contains(e) || typeof e.focus !== 'function') return;
    e.blur();
    e.focus();
    if (m) {
      try {
        e.setSelectionRange(m[0], m[1]);
      } catch (x) {
        // not a text field after all
      }
    }
  }

  // One of three states: 'varning' (ends soon, can stay), 'slut' (ends soon, cannot be
  // extended) and 'ute' (has ended).
  function visa(lage) {
    if (!dialog) dialog = skapa();
    // A new state is a new dialog to a screen reader: closed and opened again, it is read anew.
    if (dialog.open && dialog.dataset.lage !== lage) dialog.close();
    var rubrik = dialog.querySelector('[data-del="rubrik"]');
    var text = dialog.querySelector('[data-del="text"]');
    rubrik.textContent = rubrik.dataset[lage];
    text.textContent = text.dataset[lage].replace('{tid}', klockslag(slut));
    dialog.querySelector('[data-knapp="forlang"]').hidden = lage !== 'varning';
    dialog.dataset.lage = lage;
    if (!dialog.open) {
      // Modal: focus goes to the dialog's first button and comes back to where it was
      // (the text being written) when it closes.
      if (!fore) {
        fore = document.activeElement;
        markering =
          fore && typeof fore.selectionStart === 'number' ? [fore.selectionStart, fore.selectionEnd] : null;
      }
      dialog.showModal();
    }
  }

  function stang() {
    if (dialog && dialog.open) dialog.close();
  }

  schemalagg();
})();
