// onnxruntime-node checks tensor data with `instanceof Float32Array`, and its native binding returns arrays of
// Node's own realm: inside jest's module sandbox (another realm) neither check holds. Tests load it with Node's
// own module loader (as unpdf-native.js does, mapped by jest.config.js) and hand it data in that realm's arrays.
// The Lambda bundle and tsx load onnxruntime-node directly.
const Module = require('node:module');
const loader = new Module(__filename);
loader.filename = __filename;
loader.paths = Module._nodeModulePaths(__dirname);
const ort = loader.require('onnxruntime-node');
const NativeFloat32Array = Object.getPrototypeOf(new ort.Tensor('float32', [0], [1]).data).constructor;

function Tensor(type, data, dims) {
  const native = type === 'float32' && !(data instanceof NativeFloat32Array) ? new NativeFloat32Array(data.buffer, data.byteOffset, data.length) : data;
  return new ort.Tensor(type, native, dims);
}

module.exports = { __esModule: true, ...ort, Tensor, InferenceSession: ort.InferenceSession, default: { ...ort, Tensor } };
