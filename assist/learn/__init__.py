"""The training lifecycle (issue 7): labelled data, two backends, evaluation, a model registry.

    records = read_labels([Path("corpora/labels/real_signals.jsonl")])   # validated
    train, test = split_by_hash(records, test_percent=20)                # by document hash
    model = make_backend("tfidf", task="issues").fit(texts(train), targets(train, "issues"))
    register_model(model, Path("models/issues"), metrics=..., data=...)  # weights + meta.json

Library code lives here (it is what ``assist train|evaluate|models|labels`` run, installed with the
package); ``training/`` holds the maintainers' scripts that train and report the shipped defaults.
Nothing here imports torch, transformers, jieba, matplotlib or scikit-learn at import time.
"""
