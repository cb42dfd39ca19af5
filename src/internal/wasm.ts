/**
 * Compiles a WebAssembly module from its bytes as base64 (the form the kernels are committed
 * in), or gives null where WebAssembly, `atob` or the module's instructions (SIMD) are
 * unavailable: the callers then run their JavaScript kernels. Internal.
 */
export function compileBase64(base64: string): WebAssembly.Module | null {
  try {
    if (typeof WebAssembly !== 'object' || typeof atob !== 'function') return null;
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}
