/**
 * The new-ticket sound (issue 14), played when the worker opens this offscreen document; the worker closes it
 * again. Two short tones from Web Audio, so no audio file ships with the extension.
 */
function chime(): void {
  const ctx = new AudioContext();
  const start = ctx.currentTime;
  for (const [i, freq] of [880, 1320].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.25, start + i * 0.18 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.18 + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + i * 0.18);
    osc.stop(start + i * 0.18 + 0.17);
  }
  document.documentElement.dataset.played = String(Date.now());
}

chime();
