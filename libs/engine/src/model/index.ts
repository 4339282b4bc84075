// The engine's model entry point (`@liuzhuan/engine/model`): what the client may use of the engine.
// The designer loads the same `oa:` moddle descriptor the compiler reads, so the two agree by construction.
export { OA_DESCRIPTOR, oaDescriptorBeside, type ModdleDescriptor } from './oa-descriptor';
export { formatEligibleSource, parseEligibleSources, type EligibleSource } from './eligibility';
