// A PDF's pages drawn on canvases with pdf.js (Mozilla's reader, loaded only when a PDF is shown):
// the same on every browser, phones among them, where a PDF in a frame is often not shown at all.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Draws the document's first pages (at most maxPages) into the container, each as wide as it; returns the page count. */
export async function drawPdf(bytes: ArrayBuffer, container: HTMLElement, maxPages: number, signal: { cancelled: boolean }): Promise<number> {
  const loading = pdfjs.getDocument({ data: new Uint8Array(bytes) });
  const document = await loading.promise;
  try {
    // The container's width inside its padding.
    const style = getComputedStyle(container);
    const width = Math.max(200, container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    for (let number = 1; number <= Math.min(document.numPages, maxPages) && !signal.cancelled; number++) {
      const page = await document.getPage(number);
      const unscaled = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
      const canvas = window.document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${width}px`;
      canvas.style.display = 'block';
      canvas.style.marginBottom = '8px';
      canvas.style.boxShadow = '0 1px 3px rgba(0,0,0,.15)';
      canvas.setAttribute('aria-label', `${number} / ${document.numPages}`);
      container.appendChild(canvas);
      await page.render({ canvas, viewport }).promise;
    }
    return document.numPages;
  } finally {
    void loading.destroy();
  }
}
