// @ts-check
// A random, valid, synthetic personnummer (ÅÅÅÅMMDD-NNNN) with a correct
// Luhn check digit over ÅÅMMDDNNN (weights 2, 1, 2, …).

function kontrollsiffra(nio) {
  let summa = 0;
  for (let i = 0; i < nio.length; i++) {
    let p = Number(nio[i]) * (i % 2 === 0 ? 2 : 1);
    if (p > 9) p -= 9;
    summa += p;
  }
  return (10 - (summa % 10)) % 10;
}

function slump(fran, till) {
  return fran + Math.floor(Math.random() * (till - fran + 1));
}

function tva(n) {
  return String(n).padStart(2, '0');
}

/** @returns {string} e.g. "19710412-2386" */
function personnummer() {
  const ar = slump(1945, 2000);
  const manad = slump(1, 12);
  const dag = slump(1, 28);
  const lopnr = String(slump(0, 999)).padStart(3, '0');
  const datum = `${tva(ar % 100)}${tva(manad)}${tva(dag)}`;
  const k = kontrollsiffra(datum + lopnr);
  return `${ar}${tva(manad)}${tva(dag)}-${lopnr}${k}`;
}

module.exports = { personnummer, kontrollsiffra };
