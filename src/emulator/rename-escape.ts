// The screen(1) window-title sequence `ESC k name ESC \` that tmux accepts from programs to rename
// their window (when allow-rename is on). xterm does not know it and would print the name, so it is
// taken out of a pane's output before the emulator sees it, as tmux's input.c does (its rename_string
// state): bytes from 0x20 up are collected, other control characters ignored, and ESC (normally the
// start of the ST that ends it), CAN or SUB ends it. That ending byte still goes to the emulator, as
// in tmux, where it starts or cancels the next sequence.
//
// The common case — no `ESC k` in a chunk and none in progress — returns the chunk untouched after one
// indexOf. An `ESC k` split across two reads is recognised; the ESC has then already reached the
// emulator, and the ESC or CAN that ends the name cancels it there.

const ESC = 0x1b;
const CAN = 0x18;
const SUB = 0x1a;
const LOWER_K = 0x6b;
const ESC_K = Buffer.from([ESC, LOWER_K]);
/** Longer names are cut (tmux's input buffer is bounded too). */
const NAME_LIMIT = 1024;

export class RenameEscapeFilter {
  private collecting = false;
  private name: number[] = [];
  private lastWasEsc = false;

  /**
   * Feed one chunk of pane output. Returns the bytes for the emulator and the names the chunk
   * finished (in order; '' is a valid name: it asks for automatic naming again).
   */
  feed(data: Buffer): { data: Buffer; names: string[] } {
    const names: string[] = [];
    let start = 0;
    if (!this.collecting) {
      if (this.lastWasEsc && data.length > 0 && data[0] === LOWER_K) {
        this.collecting = true;
        this.name = [];
        start = 1;
      } else if (data.indexOf(ESC_K) < 0) {
        this.lastWasEsc = data.length > 0 ? data[data.length - 1] === ESC : this.lastWasEsc;
        return { data, names };
      }
    }
    const out: Buffer[] = [];
    let from = start;
    let i = start;
    while (i < data.length) {
      const b = data[i];
      if (this.collecting) {
        if (b === ESC || b === CAN || b === SUB) {
          this.collecting = false;
          names.push(Buffer.from(this.name).toString('utf8'));
          this.name = [];
          from = i;
          // The ending byte is looked at again outside the name (ESC k may follow at once).
          continue;
        }
        if (b >= 0x20 && this.name.length < NAME_LIMIT) this.name.push(b);
        i++;
        continue;
      }
      if (b === ESC && data[i + 1] === LOWER_K) {
        if (i > from) out.push(data.subarray(from, i));
        this.collecting = true;
        this.name = [];
        i += 2;
        continue;
      }
      i++;
    }
    if (!this.collecting && from < data.length) out.push(data.subarray(from));
    this.lastWasEsc = !this.collecting && data.length > 0 && data[data.length - 1] === ESC;
    return { data: out.length === 1 ? out[0] : Buffer.concat(out), names };
  }
}
