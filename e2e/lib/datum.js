// @ts-check
// Dates for the journey, counted back from today (Swedish time) so that every
// step lies in the past whenever the test runs. The first day is a Monday and
// every step keeps its weekday, so no step ever falls on a weekend.

/** Today in Sweden as YYYY-MM-DD. */
function idag() {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/**
 * @param {string} iso YYYY-MM-DD
 * @param {number} dagar
 */
function plus(iso, dagar) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dagar);
  return d.toISOString().slice(0, 10);
}

/**
 * The Monday on or before `dagar` days ago, and a function giving the date
 * `n` days after it.
 * @param {number} dagar
 */
function tidslinje(dagar) {
  const d = plus(idag(), -dagar);
  const veckodag = new Date(`${d}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const mandag = plus(d, -((veckodag + 6) % 7));
  return (/** @type {number} */ n) => plus(mandag, n);
}

module.exports = { idag, plus, tidslinje };
