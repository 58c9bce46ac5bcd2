/**
 * Rewrites the `weight:` field of chosen signal blocks in a playbook document, leaving every other
 * line as written (a calibration's weights proposal). A block without a weight line gets one
 * before its closing fence.
 */
import type { PlaybookDocument } from './document';
import { findSignalBlocks, readSignalSource } from './signalBlock';

const WEIGHT_LINE = /^(\s*)weight[ \t]*:.*$/;

/** The document with each signal in `weights` (id -> whole number) set to that weight. */
export function setSignalWeights(doc: PlaybookDocument, weights: Readonly<Record<string, number>>): PlaybookDocument {
	return {
		sections: doc.sections.map((section) => {
			const blocks = findSignalBlocks(section.body).filter((b) => b.endLine !== null);
			if (blocks.length === 0) return section;
			const lines = section.body.split('\n');
			// Last block first, so inserting a line does not move the blocks still to do.
			for (const block of [...blocks].reverse()) {
				const id = readSignalSource(block.content).id;
				if (id === null || !(id in weights)) continue;
				const weight = Math.round(weights[id]);
				const start = block.line; // 0-based index of the first content line
				const end = block.endLine! - 1; // 0-based index of the closing fence
				const at = lines.slice(start, end).findIndex((l) => WEIGHT_LINE.test(l.replace(/\r$/, '')));
				if (at >= 0) {
					const cr = lines[start + at].endsWith('\r') ? '\r' : '';
					const indent = WEIGHT_LINE.exec(lines[start + at].replace(/\r$/, ''))![1];
					lines[start + at] = `${indent}weight: ${weight}${cr}`;
				} else {
					const indent = /^\s*/.exec(lines[start] ?? '')![0];
					lines.splice(end, 0, `${indent}weight: ${weight}`);
				}
			}
			return { ...section, body: lines.join('\n') };
		})
	};
}
