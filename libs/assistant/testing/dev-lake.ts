import { runPipelinePass } from './pipeline-pass';
const pass = await runPipelinePass(Number(process.argv[2] ?? 0.003));
console.log(pass.lakeRoot);
await pass.pool.end();
await pass.server.stop();
