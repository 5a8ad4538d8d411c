import { render } from 'preact';
import { ConsoleApp } from './shell/console-app';
import { messages } from './shell/messages';
import './shell/console.css';

document.documentElement.lang = messages.lang;
document.documentElement.dir = messages.dir;
render(<ConsoleApp />, document.getElementById('app')!);
