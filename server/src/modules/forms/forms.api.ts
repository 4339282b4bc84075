// The forms module's public surface for other modules.
export { FormsService } from './forms.service';
export { FormsModule } from './forms.module';
