// Code passed to worker.evaluate()/page.evaluate() runs inside the extension, where `chrome` exists.
/// <reference types="chrome" />
