"""BrandOof's TSV (fold, source, id, gold, predicted, probabilities, thresholds, text) -> folds.tsv (id, fold) for
finetune.py and stack-oof.tsv (id, fold, probabilities, predicted, gold) for ../stacked-encoder/stack.py and quick.py.
Only the hand-labelled intents rows; the complaints rows (gold C0/C1) are left out."""
import re, sys
L = ["COMPLAINT", "SUPPORT_REQUEST", "PRAISE", "PURCHASE_INTENT", "DEAL_SEEKING", "RECOMMENDATION", "CHURN_RISK",
     "INFORMATIONAL", "IRRELEVANT"]
src, out_dir = sys.argv[1], sys.argv[2]
with open(f"{out_dir}/folds.tsv", "w") as folds, open(f"{out_dir}/stack-oof.tsv", "w") as stack:
    for line in open(src):
        fold, _, row_id, gold, predicted, probs = line.rstrip("\n").split("\t")[:6]
        if gold in ("C0", "C1"):
            continue
        g = ",".join(re.findall(r"[A-Z_]+", gold))
        p = ",".join(x for x in re.findall(r"[A-Z_]+", predicted) if x in L)
        folds.write(f"{row_id}\t{fold}\n")
        stack.write(f"{row_id}\t{fold}\t{probs}\t{p}\t{g}\n")
