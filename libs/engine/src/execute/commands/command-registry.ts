import type { EngineCommandType } from '../engine-api.types';
import type { CommandHandler } from './command-handler';
import { handleBroadcastSignal, handleCorrelateMessage, handleFireTimer, handleSetVariables } from './event.commands';
import {
  handleAddInstances,
  handleCancel,
  handleCancelElementInstance,
  handleMoveToken,
  handleRemoveInstances,
  handleResolveIncident,
  handleTerminate,
} from './modification.commands';
import { handleStart } from './start.command';
import { handleWithdraw } from './withdraw.command';
import {
  handleChildCompleted,
  handleChildEscalated,
  handleCompleteJob,
  handleCompleteTask,
  handleFailJob,
  handleThrowError,
} from './task.commands';

export const commandHandlers: { readonly [T in EngineCommandType]: CommandHandler<T> } = {
  start: handleStart,
  completeTask: handleCompleteTask,
  fireTimer: handleFireTimer,
  correlateMessage: handleCorrelateMessage,
  broadcastSignal: handleBroadcastSignal,
  completeJob: handleCompleteJob,
  failJob: handleFailJob,
  throwError: handleThrowError,
  childCompleted: handleChildCompleted,
  childEscalated: handleChildEscalated,
  cancel: handleCancel,
  resolveIncident: handleResolveIncident,
  moveToken: handleMoveToken,
  addInstances: handleAddInstances,
  removeInstances: handleRemoveInstances,
  cancelElementInstance: handleCancelElementInstance,
  terminate: handleTerminate,
  setVariables: handleSetVariables,
  withdraw: handleWithdraw,
};
