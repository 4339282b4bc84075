export type {
  EvalResult,
  ExpressionDialect,
  ExpressionEvaluator,
  ExpressionEvaluatorOptions,
  ParsedExpression,
  ParseResult,
} from './expression.types';
export { createExpressionEvaluator, parseExpression } from './expression-evaluator';
