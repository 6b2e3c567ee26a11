"""Times spaCy's small English pipeline (tok2vec + tagger + parser only) on the words of a
CoNLL-U file, pre-tokenised, one process, so the comparison with `sitrep eval parser` is on
the same sentences and the same tokens. Prints one JSON object."""
import gzip
import json
import sys
import time

import spacy
from spacy.tokens import Doc


def sentences(path):
    opener = gzip.open if path.endswith(".gz") else open
    words = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words
                words = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    words.append(cols[1])
    if words:
        yield words


def main():
    path, model = sys.argv[1], sys.argv[2]
    nlp = spacy.load(model, exclude=["ner", "lemmatizer", "attribute_ruler", "senter"])
    sents = list(sentences(path))
    docs = [Doc(nlp.vocab, words=w) for w in sents]
    # Warm-up on a few sentences so one-time allocation is not timed.
    for _ in nlp.pipe([Doc(nlp.vocab, words=w) for w in sents[:50]]):
        pass
    start, cpu_start = time.perf_counter(), time.thread_time()
    n = 0
    for _ in nlp.pipe(docs, batch_size=256):
        n += 1
    secs = time.perf_counter() - start
    # CPU time of this thread, as sitrep reports it: on a shared machine waiting is not work.
    # (numpy may use helper threads; OMP/OPENBLAS threads are pinned to 1 by run.sh.)
    cpu = time.thread_time() - cpu_start
    print(json.dumps({
        "peer": f"spacy {spacy.__version__} {model} {nlp.meta.get('version')}",
        "pipes": nlp.pipe_names,
        "sentences": n,
        "words": sum(len(w) for w in sents),
        "seconds": round(secs, 3),
        "cpu_seconds": round(cpu, 3),
        "sentences_per_s": round(n / cpu),
        "sentences_per_wall_s": round(n / secs),
    }))


if __name__ == "__main__":
    main()
