import { ProtoWriter } from './protobuf-writer';

/** ONNX TensorProto.DataType values used here. */
const FLOAT = 1;
const INT64 = 7;

export type Dim = number | string;
export type AttributeValue = number | number[] | string | { floats: number[] } | { int: number } | { float: number };

interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  name: string;
  attributes: Record<string, AttributeValue>;
}

interface InitializerSpec {
  name: string;
  dims: number[];
  type: 'float32' | 'int64';
  data: Float32Array | BigInt64Array;
}

/**
 * Builds an ONNX graph in code and serialises it as a ModelProto (IR version 8, default-domain
 * opset 17) with hand-written protobuf encoding. Names are generated deterministically, so the
 * same building code always yields the same bytes.
 */
export class GraphBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly initializers: InitializerSpec[] = [];
  private readonly inputs: { name: string; shape: Dim[] }[] = [];
  private readonly outputs: { name: string; shape: Dim[] }[] = [];
  private counter = 0;

  constructor(private readonly name: string) {}

  input(name: string, shape: Dim[]): string {
    this.inputs.push({ name, shape });
    return name;
  }

  output(name: string, shape: Dim[]): void {
    this.outputs.push({ name, shape });
  }

  /** A fresh tensor name with a readable prefix. */
  fresh(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }

  constant(dims: number[], values: ArrayLike<number>, prefix = 'const'): string {
    const name = this.fresh(prefix);
    this.initializers.push({ name, dims, type: 'float32', data: Float32Array.from(values) });
    return name;
  }

  constantInt64(dims: number[], values: readonly number[], prefix = 'shape'): string {
    const name = this.fresh(prefix);
    this.initializers.push({ name, dims, type: 'int64', data: BigInt64Array.from(values.map((v) => BigInt(v))) });
    return name;
  }

  /** Adds a node; returns its first output (named `out` when given, fresh otherwise). */
  node(op: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, out?: string): string {
    const output = out ?? this.fresh(op.toLowerCase());
    this.nodes.push({ op, inputs, outputs: [output], name: this.fresh(`n_${op}`), attributes });
    return output;
  }

  encode(docString: string, metadata: Record<string, string> = {}): Uint8Array {
    const w = new ProtoWriter();
    w.int(1, 8);
    w.string(2, 'tandem-onnx-builder');
    w.string(3, '1');
    w.message(7, (g) => this.writeGraph(g));
    w.message(8, (o) => o.string(1, '').int(2, 17));
    w.string(6, docString);
    for (const [key, value] of Object.entries(metadata)) w.message(14, (m) => m.string(1, key).string(2, value));
    return w.finish();
  }

  private writeGraph(g: ProtoWriter): void {
    for (const n of this.nodes) {
      g.message(1, (w) => {
        for (const i of n.inputs) w.string(1, i);
        for (const o of n.outputs) w.string(2, o);
        w.string(3, n.name);
        w.string(4, n.op);
        for (const [key, value] of Object.entries(n.attributes)) w.message(5, (a) => writeAttribute(a, key, value));
      });
    }
    g.string(2, this.name);
    for (const t of this.initializers) {
      g.message(5, (w) => {
        for (const d of t.dims) w.int(1, d);
        w.int(2, t.type === 'float32' ? FLOAT : INT64);
        w.string(8, t.name);
        w.bytes(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
      });
    }
    for (const v of this.inputs) g.message(11, (w) => writeValueInfo(w, v.name, v.shape));
    for (const v of this.outputs) g.message(12, (w) => writeValueInfo(w, v.name, v.shape));
  }
}

function writeValueInfo(w: ProtoWriter, name: string, shape: Dim[]): void {
  w.string(1, name);
  w.message(2, (t) =>
    t.message(1, (tt) => {
      tt.int(1, FLOAT);
      tt.message(2, (s) => {
        for (const d of shape) s.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
      });
    }),
  );
}

/** AttributeProto.AttributeType values. */
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7 } as const;

function writeAttribute(a: ProtoWriter, name: string, value: AttributeValue): void {
  a.string(1, name);
  if (typeof value === 'string') a.bytes(4, new TextEncoder().encode(value)).int(20, ATTR.STRING);
  else if (typeof value === 'number') {
    if (Number.isInteger(value)) a.int(3, value).int(20, ATTR.INT);
    else a.float(2, value).int(20, ATTR.FLOAT);
  } else if (Array.isArray(value)) {
    for (const v of value) a.int(8, v);
    a.int(20, ATTR.INTS);
  } else if ('floats' in value) {
    for (const v of value.floats) a.float(7, v);
    a.int(20, ATTR.FLOATS);
  } else if ('int' in value) a.int(3, value.int).int(20, ATTR.INT);
  else a.float(2, value.float).int(20, ATTR.FLOAT);
}
